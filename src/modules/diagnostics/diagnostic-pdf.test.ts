import { describe, expect, it } from 'vitest';
import { diagnosticPdfDefinition, type DiagnosticPdfInput } from './diagnostic-pdf.ts';

/** 23:30 UTC on 5 December is already 6 December in Paris (UTC+1 in winter). */
const LATE_EVENING = new Date('2026-12-05T23:30:00Z');

const author = {
  userId: '00000000-0000-4000-8000-000000000001',
  userName: 'Camille Martin',
  organisationId: '00000000-0000-4000-8000-000000000002',
  organisationName: 'Association Relais',
  voice: 'association',
  writtenAt: LATE_EVENING.toISOString(),
} as const;

const input: DiagnosticPdfInput = {
  version: 'household',
  fileLabel: 'M-000001',
  diagnosticVersion: 1,
  status: 'approved',
  content: { familySituation: { adults: 1, children: 2 } },
  capacity: null,
  evictionSteps: [{ step: 'payment_order', occurredOn: '2026-11-02', note: 'Remis en main propre.' }],
  record: {
    authorship: { familySituation: author },
    presentation: null,
    approval: {
      method: 'typed_name',
      signedOn: '2026-12-06',
      typedName: 'Hélène Dupré',
      witnessedByUserId: author.userId,
    },
    disagreement: null,
  },
  generatedAt: LATE_EVENING,
};

describe('diagnostic PDF dates', () => {
  const text = JSON.stringify(diagnosticPdfDefinition(input));

  it('prints the Paris day of an instant, not the UTC one', () => {
    expect(text).toContain('édité le 06/12/2026');
    expect(text).toContain('Camille Martin (Association Relais), le 06/12/2026');
    expect(text).not.toContain('05/12/2026');
  });

  it('prints a calendar date as written', () => {
    expect(text).toContain('Nom saisi par le ménage : Hélène Dupré, le 06/12/2026');
    expect(text).toContain('02/11/2026');
  });

  it('prints the eviction procedure’s steps, with their notes in the household version', () => {
    expect(text).toContain('Procédure d’expulsion');
    expect(text).toContain('Commandement de payer — Remis en main propre.');
  });
});
