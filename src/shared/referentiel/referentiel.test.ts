import { describe, expect, it } from 'vitest';
import {
  ZReferentielVersion,
  briqueLabel,
  briqueMatches,
  searchable,
  unknownBriques,
  versionInForce,
  type TBrique,
  type TReferentielVersion,
} from './referentiel.ts';

const brique = (code: string, title: string, task = 'Écouter le ménage'): TBrique => ({
  code,
  title,
  mission: ['Mission'],
  expectedResult: ['Résultat'],
  rubrics: [{ title: 'Rubrique', tasks: [{ text: task, examples: ['Prévoir des événements'] }] }],
  interlocutors: ['Bailleur'],
});

const version: TReferentielVersion = ZReferentielVersion.parse({
  version: '2011-01',
  label: 'Référentiel de janvier 2011',
  effectiveFrom: '2011-01-01',
  source: 'Référentiel',
  groups: [
    { code: '1', title: 'Diagnostic logement', briques: [brique('1.1', 'Diagnostic')] },
    {
      code: '2',
      title: 'AVDL',
      briques: [brique('2.3', 'Aide aux premiers pas dans le logement', 'Accompagner l’état des lieux')],
    },
  ],
});

describe('référentiel helpers', () => {
  it('labels a brique with its number and title, and leaves an unknown code as it is', () => {
    expect(briqueLabel(version, '2.3')).toBe('2.3 — Aide aux premiers pas dans le logement');
    expect(briqueLabel(version, '9.9')).toBe('9.9');
  });

  it('lists the codes a version does not define, once each, in their order', () => {
    expect(unknownBriques(['1.1', '4.2', '2.3', '0.1', '4.2'], version)).toEqual(['4.2', '0.1']);
    expect(unknownBriques([], version)).toEqual([]);
  });

  it('takes the latest version that took effect on or before the day', () => {
    const versions = [
      { version: '2011-01', effectiveFrom: '2011-01-01' },
      { version: '2027-01', effectiveFrom: '2027-01-01' },
    ].map((v) => ({ ...v, label: 'Référentiel', source: 'Source' }));
    expect(versionInForce(versions, '2010-12-31')).toBeUndefined();
    expect(versionInForce(versions, '2011-01-01')?.version).toBe('2011-01');
    expect(versionInForce(versions, '2026-12-31')?.version).toBe('2011-01');
    expect(versionInForce([...versions].reverse(), '2027-01-01')?.version).toBe('2027-01');
  });

  it('searches every text of a brique, whatever the accents and case, every word', () => {
    expect(searchable('Évaluer l’ÉTAT')).toBe('evaluer l’etat');
    const [diagnostic, firstSteps] = [version.groups[0]!.briques[0]!, version.groups[1]!.briques[0]!];
    expect(briqueMatches(firstSteps, 'etat des LIEUX')).toBe(true);
    expect(briqueMatches(firstSteps, 'evenements')).toBe(true);
    expect(briqueMatches(firstSteps, '2.3')).toBe(true);
    expect(briqueMatches(diagnostic, 'état lieux')).toBe(false);
    expect(briqueMatches(diagnostic, '   ')).toBe(true);
  });
});
