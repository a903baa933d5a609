import { z } from 'zod';
import { ZIsoDate } from '../contracts/common.ts';

/**
 * The référentiel of the « briques » of AVDL and GLA: what each brique is for (mission), what it
 * should achieve (résultat attendu), its rubrics and tasks, whom it involves. It ships as dated
 * versions; measures and contracts store brique codes with the version they refer to, so a code is
 * always read in its version.
 */

const text = z.string().trim().min(1);
const paragraphs = z.array(text).min(1);

/** A domain number: « 2 » for a group, « 2.3 » for a brique. */
export const ZGroupCode = z.string().regex(/^\d+$/);
export const ZBriqueCode = z.string().regex(/^\d+\.\d+$/);
export const ZReferentielVersionId = z.string().regex(/^\d{4}-\d{2}$/, { message: 'Version inconnue.' });

export const ZReferentielTask = z
  .object({
    text,
    /** Illustrations the référentiel gives after « Par exemple ». */
    examples: z.array(text).optional(),
  })
  .strict();

/** A rubric with no task listed is itself the action (the référentiel details only some). */
export const ZReferentielRubric = z
  .object({
    title: text,
    examples: z.array(text).optional(),
    tasks: z.array(ZReferentielTask).optional(),
  })
  .strict();

/** What a brique's plan says, as the référentiel writes it (one paragraph per item). */
export const ZBriqueContent = z
  .object({
    mission: paragraphs,
    expectedResult: paragraphs,
    /** Remarks of the référentiel on the brique (a reminder, a caveat). */
    notes: z.array(text).optional(),
    rubrics: z.array(ZReferentielRubric).min(1),
    interlocutors: paragraphs,
    tools: z.array(text).optional(),
    means: z.array(text).optional(),
    housingTypes: z.array(text).optional(),
  })
  .strict();

export const ZBrique = ZBriqueContent.extend({
  code: ZBriqueCode,
  title: text,
  /** The référentiel describes this brique once, under another code (2.6 is 3.5, 3.1 is 2.3). */
  describedIn: ZBriqueCode.optional(),
}).strict();

export const ZReferentielGroup = z
  .object({ code: ZGroupCode, title: text, briques: z.array(ZBrique).min(1) })
  .strict();

export const ZReferentielVersionSummary = z
  .object({
    version: ZReferentielVersionId,
    label: text,
    /** The day from which this version is the one in force. */
    effectiveFrom: ZIsoDate,
    /** The document it transcribes. */
    source: text,
  })
  .strict();

export const ZReferentielVersion = ZReferentielVersionSummary.extend({
  groups: z.array(ZReferentielGroup).min(1),
}).strict();

export type TReferentielTask = z.infer<typeof ZReferentielTask>;
export type TReferentielRubric = z.infer<typeof ZReferentielRubric>;
export type TBrique = z.infer<typeof ZBrique>;
export type TReferentielGroup = z.infer<typeof ZReferentielGroup>;
export type TReferentielVersionSummary = z.infer<typeof ZReferentielVersionSummary>;
export type TReferentielVersion = z.infer<typeof ZReferentielVersion>;

export const briquesOf = (version: TReferentielVersion): TBrique[] =>
  version.groups.flatMap((g) => g.briques);

export const findBrique = (version: TReferentielVersion, code: string): TBrique | undefined =>
  briquesOf(version).find((b) => b.code === code);

/** « 2.3 — Aide aux premiers pas dans le logement »; a code the version does not know stays as is. */
export function briqueLabel(version: TReferentielVersion, code: string): string {
  const brique = findBrique(version, code);
  return brique ? `${brique.code} — ${brique.title}` : code;
}

/** The codes of `codes` the version does not define, in their order, each once. */
export function unknownBriques(codes: readonly string[], version: TReferentielVersion): string[] {
  const known = new Set(briquesOf(version).map((b) => b.code));
  return [...new Set(codes.filter((code) => !known.has(code)))];
}

/** The version in force on a day (YYYY-MM-DD): the latest that took effect on or before it. */
export function versionInForce<V extends TReferentielVersionSummary>(
  versions: readonly V[],
  onDate: string,
): V | undefined {
  return versions
    .filter((v) => v.effectiveFrom <= onDate)
    .reduce<V | undefined>(
      (latest, v) => (!latest || v.effectiveFrom > latest.effectiveFrom ? v : latest),
      undefined,
    );
}

/** Lower case without accents, so that « equipe » finds « Équipe ». */
export const searchable = (value: string): string =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('fr');

/** Every text of a brique, for a search. */
function briqueTexts(brique: TBrique): string[] {
  return [
    brique.code,
    brique.title,
    ...brique.mission,
    ...brique.expectedResult,
    ...(brique.notes ?? []),
    ...brique.rubrics.flatMap((r) => [
      r.title,
      ...(r.examples ?? []),
      ...(r.tasks ?? []).flatMap((t) => [t.text, ...(t.examples ?? [])]),
    ]),
    ...brique.interlocutors,
    ...(brique.tools ?? []),
    ...(brique.means ?? []),
    ...(brique.housingTypes ?? []),
  ];
}

/** Whether the brique mentions every word of the query, accents and case aside. */
export function briqueMatches(brique: TBrique, query: string): boolean {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = searchable(briqueTexts(brique).join('\n'));
  return words.every((word) => haystack.includes(word));
}
