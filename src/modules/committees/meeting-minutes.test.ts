import { describe, expect, it } from 'vitest';
import type { TMeeting, TMeetingItem } from '../../shared/contracts/committees.ts';
import { minutesPdfDefinition } from './meeting-minutes.ts';

const item = (over: Partial<TMeetingItem>): TMeetingItem => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'measure_review',
  fileLabel: 'M-000042',
  title: 'Mesure proposée : ASLL maintien',
  householdId: null,
  committeeDiagnosticId: null,
  measure: null,
  addedByOrganisationName: 'Le Passage',
  canSetPresence: false,
  householdPresence: 'attended',
  decision: null,
  ...over,
});

const meeting: TMeeting = {
  id: '00000000-0000-4000-8000-000000000002',
  committeeId: '00000000-0000-4000-8000-000000000003',
  committeeName: 'Comité d’orientation et de suivi',
  committeeKind: 'orientation_follow_up',
  // 23:30 UTC on 5 December is 6 December, 00:30, in Paris.
  startsAt: '2026-12-05T23:30:00.000Z',
  durationMinutes: 120,
  location: 'Salle du conseil',
  convenes: false,
  people: [
    {
      id: '00000000-0000-4000-8000-000000000004',
      organisationId: '00000000-0000-4000-8000-000000000005',
      organisationName: 'Habitat Val-de-Brenne',
      fullName: 'Nadia Benali',
      function: 'Présidente de séance',
      hasAccount: true,
      isReader: false,
    },
    {
      id: '00000000-0000-4000-8000-000000000006',
      organisationId: '00000000-0000-4000-8000-000000000007',
      organisationName: 'CAF du Val-de-Brenne',
      fullName: 'Luc Ferrand',
      function: null,
      hasAccount: false,
      isReader: false,
    },
  ],
  items: [
    item({
      decision: {
        outcome: 'orientation',
        decidedOn: '2026-12-06',
        summary: 'Orientation : ASLL maintien — Le Passage',
        reason: 'Dette en cours d’apurement.',
        measureId: null,
      },
    }),
    item({ fileLabel: 'M-000043', title: 'Autre situation', kind: 'other' }),
  ],
  suggestions: [],
};

const text = (node: unknown): string =>
  typeof node === 'string'
    ? node
    : Array.isArray(node)
      ? node.map(text).join(' ')
      : node && typeof node === 'object'
        ? Object.values(node).map(text).join(' ')
        : '';

describe('meeting minutes', () => {
  it('print each item with its decision, in Paris time and in words', () => {
    const definition = minutesPdfDefinition(meeting, 'L’Escale', new Date('2026-12-06T09:00:00Z'));
    const content = text(definition.content);
    expect(content).toContain('réunion du 06/12/2026 00:30');
    expect(content).toContain('Exemplaire de L’Escale');
    expect(content).toContain('Nadia Benali (Présidente de séance), Habitat Val-de-Brenne');
    expect(content).toContain('Luc Ferrand, CAF du Val-de-Brenne');
    expect(content).toContain('Ordre du jour : 2 points, 1 décidé');
    expect(content).toContain('1. Dossier M-000042 — Mesure proposée : ASLL maintien');
    expect(content).toContain('Orientation le 06/12/2026 : Orientation : ASLL maintien — Le Passage');
    expect(content).toContain('Motif : Dette en cours d’apurement.');
    expect(content).toContain('Ménage présent');
    expect(content).toContain('Pas de décision enregistrée.');
    expect(content).not.toMatch(/measure_review|orientation_follow_up|attended/);
  });
});
