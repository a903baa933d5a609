import { describe, expect, it } from 'vitest';
import { CAPACITY_CRITERION_KEYS, type TCapacityScores } from '../../shared/contracts/diagnostics.ts';
import type { TEvaluationContent } from '../../shared/contracts/evaluations.ts';
import { deriveFunderVersion, deriveLandlordVersion } from '../../shared/access/evaluation-sharing.ts';
import { evaluationPdfDefinition } from './evaluation-pdf.ts';

/** 23:30 UTC on 5 December is already 6 December in Paris (UTC+1 in winter). */
const LATE_EVENING = new Date('2026-12-05T23:30:00Z');
const grid = (n: 1 | 2 | 3 | 4, comment?: string) =>
  Object.fromEntries(
    CAPACITY_CRITERION_KEYS.map((k) => [k, { score: n, ...(comment ? { comment } : {}) }]),
  ) as TCapacityScores;
const SECRETS = ['Rechute dépressive', 'Suivi au CMP', 'Violences conjugales', 'Fatigue passagère'];
const content: TEvaluationContent = {
  objectives: [
    { title: 'Payer le loyer', briques: ['3.3'], outcome: 'partly', comment: 'Rechute dépressive en mars' },
    { title: 'Suivi au CMP', briques: ['2.6'], outcome: 'reached', comment: 'Violences conjugales évoquées' },
  ],
  grid: grid(3, 'Fatigue passagère'),
  nextStep: { step: 'watch', watchMonths: 6, relayOrganisationId: null },
  partnerNote: 'Loyer réglé depuis avril.',
  notes: 'Violences conjugales : voir la note confidentielle.',
};
const frame = { kind: 'final' as const, periodStart: '2026-01-05', periodEnd: '2026-12-31' };
const common = { fileLabel: 'M-000001', measureName: 'ASLL maintien', generatedAt: LATE_EVENING };

describe('evaluation PDFs', () => {
  it('prints the full version in French, the Paris day of the edition', () => {
    const text = JSON.stringify(
      evaluationPdfDefinition({
        ...common,
        version: 'full',
        ...frame,
        content,
        baseline: grid(2),
        relayName: null,
        signature: {
          method: 'typed_name',
          signedOn: '2026-12-06',
          typedName: 'Hélène Dupré',
          witnessedByUserId: 'u',
        },
      }),
    );
    expect(text).toContain('Évaluation finale — version intégrale');
    expect(text).toContain('période du 05/01/2026 au 31/12/2026 · édité le 06/12/2026');
    expect(text).toContain('Partiellement atteint — Rechute dépressive en mars');
    expect(text).toContain('Veille sociale pendant 6 mois');
    expect(text).toContain('+1');
    expect(text).toContain('Nom saisi par le ménage : Hélène Dupré, le 06/12/2026');
  });

  it('holds no caseworker-only value in the landlord and funder versions', () => {
    for (const partner of [
      deriveLandlordVersion(frame, content),
      deriveFunderVersion(frame, content, grid(2)),
    ]) {
      const text = JSON.stringify(evaluationPdfDefinition({ ...common, version: 'partner', partner }));
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      expect(text).toContain('Loyer réglé depuis avril.');
      expect(text).not.toMatch(/\b(partly|reached|watch|landlord|funder|interim|final)\b/);
    }
    const landlord = JSON.stringify(
      evaluationPdfDefinition({
        ...common,
        version: 'partner',
        partner: deriveLandlordVersion(frame, content),
      }),
    );
    expect(landlord).toContain('Évaluation finale — version bailleur');
    expect(landlord).toContain('Payer le loyer');
    const funder = JSON.stringify(
      evaluationPdfDefinition({
        ...common,
        version: 'partner',
        partner: deriveFunderVersion(frame, content, grid(2)),
      }),
    );
    expect(funder).toContain('Évaluation finale — version financeur');
    expect(funder).not.toContain('Payer le loyer');
  });
});
