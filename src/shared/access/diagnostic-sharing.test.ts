import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import {
  ZDiagnosticContent,
  type PartnerAudience,
  type TDiagnosticContent,
} from '../contracts/diagnostics.ts';
import {
  DIAGNOSTIC_FIELD_CLASSES,
  derivePartnerVersion,
  diagnosticFieldClass,
} from './diagnostic-sharing.ts';

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string>;
  format?: string;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Leaf paths of the content schema, "a.b" and "a[].b" for list rows. */
function schemaLeaves(schema: z.ZodType, path = ''): string[] {
  const def = defOf(schema);
  if (def.type === 'optional') return schemaLeaves(def.innerType!, path);
  if (def.type === 'object') {
    return Object.entries(def.shape!).flatMap(([k, s]) => schemaLeaves(s, path ? `${path}.${k}` : k));
  }
  if (def.type === 'array') return schemaLeaves(def.element!, `${path}[]`);
  return [path];
}

// Free text carries the class of its field, so a leak is visible in the output.
const MARKER = { caseworker_only: 'CWSECRET', committee: 'CMONLY', landlord: 'LLOK' } as const;

/** Arbitrary valid content, generated from the schema itself (so new fields are covered). */
function contentArbitrary(schema: z.ZodType, path = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
      return contentArbitrary(def.innerType!, path);
    case 'object': {
      const entries = Object.entries(def.shape!);
      return fc.record(
        Object.fromEntries(entries.map(([k, s]) => [k, contentArbitrary(s, path ? `${path}.${k}` : k)])),
        { requiredKeys: entries.filter(([, s]) => defOf(s).type !== 'optional').map(([k]) => k) },
      );
    }
    case 'array':
      return fc.array(contentArbitrary(def.element!, `${path}[]`), { maxLength: 3 });
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.integer({ min: 0, max: 30 });
    case 'string':
      if (def.format === 'date') return fc.constantFrom('2024-01-31', '2025-06-01');
      if (def.format === 'guid') return fc.uuid();
      return fc.nat().map((n) => `${MARKER[diagnosticFieldClass(path)]}${n}`);
    default:
      throw new Error(`type de schéma non géré : ${def.type} (${path})`);
  }
}

const forbiddenMarkers: Record<PartnerAudience, string[]> = {
  landlord: [MARKER.caseworker_only, MARKER.committee],
  committee: [MARKER.caseworker_only],
};

describe('diagnostic sharing classification', () => {
  it('classifies every field of the content schema, and nothing else', () => {
    expect(schemaLeaves(ZDiagnosticContent).sort()).toEqual(Object.keys(DIAGNOSTIC_FIELD_CLASSES).sort());
  });

  it('never lets a caseworker-only field or value reach a partner version (property)', () => {
    const arbitrary = contentArbitrary(ZDiagnosticContent) as fc.Arbitrary<TDiagnosticContent>;
    const unknownKeys = fc.dictionary(
      fc.constantFrom('extra', 'legacyNote', 'x'),
      fc.constant('CWSECRET-unknown'),
    );
    fc.assert(
      fc.property(
        arbitrary,
        unknownKeys,
        fc.constantFrom<PartnerAudience>('landlord', 'committee'),
        (content, extra, audience) => {
          expect(ZDiagnosticContent.safeParse(content).success).toBe(true);
          // Unclassified keys (an older or future shape read from jsonb) must not leak either.
          const withUnknown = {
            ...content,
            ...extra,
            housingHistory: content.housingHistory ? { ...content.housingHistory, ...extra } : undefined,
          } as TDiagnosticContent;
          const derived = derivePartnerVersion(withUnknown, audience);
          const json = JSON.stringify(derived);
          for (const marker of forbiddenMarkers[audience]) expect(json).not.toContain(marker);
          for (const path of schemaLeaves(ZDiagnosticContent)) {
            if (derivedHasPath(derived, path))
              expect(forbiddenClass(audience, diagnosticFieldClass(path))).toBe(false);
          }
          expect(derived.rights?.some((r) => r.benefit === 'aah') ?? false).toBe(false);
          // A confidential note's text must be absent, unless a shared value (a shared note, another
          // field of the same class) happens to say the same.
          const notes = content.notes ?? [];
          const elsewhere = JSON.stringify({ ...content, notes: notes.filter((n) => !n.confidential) });
          for (const note of notes) {
            if (note.confidential && !elsewhere.includes(`"${note.text}"`))
              expect(json).not.toContain(`"${note.text}"`);
          }
          expect(audience === 'landlord' ? derived.notes : undefined).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps what bears on housing', () => {
    const content: TDiagnosticContent = {
      housingHistory: { arrearsCents: 1000, shelters: [{ name: 'CHRS Les Tilleuls', from: '2024-01-31' }] },
      employment: { status: 'employed' },
      health: { mentalHealthNotes: 'x' },
      conclusion: { needVsMarket: 'T2', capacityNotes: 'y' },
    };
    expect(derivePartnerVersion(content, 'landlord')).toEqual({
      housingHistory: { arrearsCents: 1000, shelters: [{ from: '2024-01-31' }] },
      conclusion: { needVsMarket: 'T2' },
    });
    expect(derivePartnerVersion(content, 'committee')).toEqual({
      housingHistory: { arrearsCents: 1000, shelters: [{ name: 'CHRS Les Tilleuls', from: '2024-01-31' }] },
      employment: { status: 'employed' },
      conclusion: { needVsMarket: 'T2' },
    });
  });
});

function forbiddenClass(audience: PartnerAudience, cls: string) {
  return cls === 'caseworker_only' || (audience === 'landlord' && cls === 'committee');
}

/** Whether a leaf path ("a.b[].c") holds a value somewhere in the derived object. */
function derivedHasPath(value: unknown, path: string): boolean {
  const [head, ...rest] = path.split('.');
  const key = head!.replace('[]', '');
  const child = (value as Record<string, unknown> | undefined)?.[key];
  if (child === undefined) return false;
  if (head!.endsWith('[]'))
    return (child as unknown[]).some((row) => (rest.length ? derivedHasPath(row, rest.join('.')) : true));
  return rest.length ? derivedHasPath(child, rest.join('.')) : true;
}
