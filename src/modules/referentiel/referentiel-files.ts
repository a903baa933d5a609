import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  ZBrique,
  ZBriqueCode,
  ZReferentielGroup,
  ZReferentielVersion,
  briquesOf,
  type TBrique,
  type TReferentielVersion,
} from '../../shared/referentiel/referentiel.ts';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), 'data');

/** In a file, a brique the référentiel describes elsewhere names it rather than copying its text. */
const ZBriqueReference = z
  .object({ code: ZBriqueCode, title: z.string().trim().min(1), describedIn: ZBriqueCode })
  .strict();
const ZFileBrique = z.union([ZBrique.omit({ describedIn: true }), ZBriqueReference]);
const ZReferentielFile = ZReferentielVersion.extend({
  groups: z.array(ZReferentielGroup.extend({ briques: z.array(ZFileBrique).min(1) }).strict()).min(1),
}).strict();
type ReferentielFile = z.infer<typeof ZReferentielFile>;
type FileBrique = z.infer<typeof ZFileBrique>;

/** The version as served: each reference carries the text of the brique it points to. */
export function resolveReferentiel(file: ReferentielFile): TReferentielVersion {
  const described = new Map<string, TBrique>();
  for (const brique of file.groups.flatMap((g) => g.briques)) {
    if (!('describedIn' in brique)) described.set(brique.code, brique);
  }
  const resolve = (brique: FileBrique): TBrique => {
    if (!('describedIn' in brique)) return brique;
    const target = described.get(brique.describedIn);
    if (!target)
      throw new Error(`La brique ${brique.code} renvoie à ${brique.describedIn}, qui n'est pas décrite.`);
    return { ...target, code: brique.code, title: brique.title, describedIn: target.code };
  };
  const version = ZReferentielVersion.parse({
    ...file,
    groups: file.groups.map((g) => ({ ...g, briques: g.briques.map(resolve) })),
  });
  const codes = briquesOf(version).map((b) => b.code);
  const repeated = codes.filter((code, i) => codes.indexOf(code) !== i);
  if (repeated.length > 0) throw new Error(`Codes de brique en double : ${repeated.join(', ')}.`);
  for (const group of version.groups) {
    const stray = group.briques.find((b) => !b.code.startsWith(`${group.code}.`));
    if (stray) throw new Error(`La brique ${stray.code} n'appartient pas au groupe ${group.code}.`);
  }
  return version;
}

let versions: TReferentielVersion[] | undefined;

/**
 * The shipped versions, oldest first, read and validated once per process (a bad file fails at
 * start). A new version is a new file: versions already referred to never change.
 */
export function loadReferentielVersions(): TReferentielVersion[] {
  versions ??= readdirSync(dataDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const parsed = ZReferentielFile.safeParse(JSON.parse(readFileSync(join(dataDir, name), 'utf8')));
      if (!parsed.success)
        throw new Error(`Fichier du référentiel invalide ${name} : ${parsed.error.message}`);
      return resolveReferentiel(parsed.data);
    })
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return versions;
}
