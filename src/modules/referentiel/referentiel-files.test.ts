import { describe, expect, it } from 'vitest';
import { briquesOf } from '../../shared/referentiel/referentiel.ts';
import { referentielInForce, referentielVersion } from './referentiel.ts';
import { loadReferentielVersions, resolveReferentiel } from './referentiel-files.ts';

describe('the shipped référentiel', () => {
  const versions = loadReferentielVersions();
  const january2011 = referentielVersion('2011-01')!;

  it('validates every version file and keeps their ids unique', () => {
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions.map((v) => v.version)).size).toBe(versions.length);
  });

  it('holds the briques of the January 2011 document, 1.1 to 3.6, in three groups', () => {
    expect(january2011.source).toMatch(/^Référentiel de l'accompagnement vers et dans le logement/);
    expect(january2011.groups.map((g) => g.title)).toEqual([
      'Diagnostic logement',
      'Accompagnement vers et dans le logement (AVDL)',
      'Gestion locative adaptée (GLA)',
    ]);
    expect(briquesOf(january2011).map((b) => b.code)).toEqual([
      ...['1.1', '1.2', '1.3', '1.4', '1.5'],
      ...['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7'],
      ...['3.1', '3.2', '3.3', '3.4', '3.5', '3.6'],
    ]);
  });

  it('gives every brique a mission, an expected result, rubrics and interlocutors', () => {
    for (const brique of versions.flatMap(briquesOf)) {
      expect(brique.mission.join('').trim(), brique.code).not.toBe('');
      expect(brique.expectedResult.join('').trim(), brique.code).not.toBe('');
      expect(brique.rubrics.length, brique.code).toBeGreaterThan(0);
      expect(brique.interlocutors.length, brique.code).toBeGreaterThan(0);
    }
    // Tasks are detailed under most briques' rubrics (a rubric alone is itself the action).
    const withTasks = briquesOf(january2011).filter((b) => b.rubrics.some((r) => (r.tasks ?? []).length > 0));
    expect(withTasks.map((b) => b.code)).toEqual(
      expect.arrayContaining(['1.1', '1.2', '1.3', '1.4', '2.1', '2.3', '2.4', '2.5', '3.2', '3.3', '3.6']),
    );
  });

  it('serves a brique described under another code with that text, under its own title', () => {
    const byCode = new Map(briquesOf(january2011).map((b) => [b.code, b]));
    expect(byCode.get('2.6')).toMatchObject({ describedIn: '3.5', mission: byCode.get('3.5')!.mission });
    expect(byCode.get('2.6')!.title).toBe('Favoriser la vie sociale au dedans et au dehors du logement');
    expect(byCode.get('3.1')).toMatchObject({ describedIn: '2.3', rubrics: byCode.get('2.3')!.rubrics });
  });

  it('refuses a file with a repeated code, a stray code or a reference to nothing', () => {
    const base = {
      version: '2030-01',
      label: 'Essai',
      effectiveFrom: '2030-01-01',
      source: 'Essai',
    };
    const content = {
      mission: ['M'],
      expectedResult: ['R'],
      rubrics: [{ title: 'T' }],
      interlocutors: ['I'],
    };
    const file = (briques: object[]) => ({ ...base, groups: [{ code: '1', title: 'G', briques }] });
    expect(() =>
      resolveReferentiel(
        file([
          { code: '1.1', title: 'A', ...content },
          { code: '1.1', title: 'B', ...content },
        ]) as never,
      ),
    ).toThrow('Codes de brique en double : 1.1.');
    expect(() => resolveReferentiel(file([{ code: '2.1', title: 'A', ...content }]) as never)).toThrow(
      "La brique 2.1 n'appartient pas au groupe 1.",
    );
    expect(() =>
      resolveReferentiel(file([{ code: '1.1', title: 'A', describedIn: '1.9' }]) as never),
    ).toThrow("La brique 1.1 renvoie à 1.9, qui n'est pas décrite.");
  });

  it('finds the version in force, and a version by its id', () => {
    expect(referentielInForce('2026-06-01').version).toBe('2011-01');
    expect(() => referentielInForce('2010-12-31')).toThrow();
    expect(referentielVersion('2011-01')?.effectiveFrom).toBe('2011-01-01');
    expect(referentielVersion('1999-01')).toBeUndefined();
  });
});
