import { describe, expect, it } from 'vitest';
import { describeConvention, evaluateDwelling, givenCharges } from '../../shared/calculators/budget.ts';
import type { TBenefitUsed, TBudgetConventionValues } from '../../shared/contracts/budget.ts';
import type { TPartnerVersion } from '../../shared/contracts/diagnostics.ts';
import { loadDefaultConvention } from '../budget/index.ts';
import { calFileDefinition, type CalFileFacts } from './cal-file.ts';

/** 23:30 UTC on 5 December is already 6 December in Paris (UTC+1 in winter). */
const LATE_EVENING = new Date('2026-12-05T23:30:00Z');
const convention: TBudgetConventionValues = loadDefaultConvention().values;
const members = [
  { age: 40, relationship: 'reference_person' as const },
  { age: 10, relationship: 'child' as const },
];
const benefit: TBenefitUsed = {
  source: 'estimated',
  monthlyCents: 30_000,
  aidKind: 'APL',
  period: '2026-12',
  note: 'Estimation ; barème de décembre 2026.',
  annualResourcesCents: 762_000,
  annualResourcesSource: 'derived',
};
const evaluate = (monthlyCents: number, resourcesCents = 63_500) =>
  evaluateDwelling({
    day: '2026-12-06',
    convention,
    members,
    resourcesCents,
    resourcesEntered: resourcesCents > 0,
    expenses: [],
    rentCents: 48_000,
    charges: givenCharges(9_500),
    benefit: { ...benefit, monthlyCents },
  });
const landlordVersion: TPartnerVersion = {
  audience: 'landlord',
  content: {
    familySituation: { adults: 1, children: 1 },
    conclusion: { needVsMarket: 'T2 accessible dans le parc social.' },
  },
  capacity: null,
  evictionSteps: [{ step: 'payment_order', occurredOn: '2025-11-02' }],
};

const facts = (over: Partial<CalFileFacts> = {}): CalFileFacts => ({
  fileLabel: 'M-000042',
  generatedAt: LATE_EVENING,
  dwelling: {
    address: '12 rue Serpenoise',
    commune: 'Metz',
    postcode: '57000',
    typology: 't3',
    surfaceM2: 64.5,
    floor: 0,
    lift: false,
    accessibility: 'adaptable',
    financing: 'plai',
    landlordName: 'Moselis',
    channel: 'action_logement',
    monthlyRentCents: 48_000,
    monthlyChargesCents: 9_500,
  },
  proposal: {
    rank: 2,
    designatedOn: '2026-12-01',
    designatedBy: 'SIAO de la Moselle',
    notifiedOn: '2026-12-02',
    answerDue: '2026-12-14',
    answer: 'refused',
    answeredOn: '2026-12-04',
    answerReason: 'location',
    occupancy: 'sublease',
  },
  members: [
    { firstName: 'Hélène', lastName: 'Dupré', relationship: 'reference_person', age: 40 },
    { firstName: 'Léo', lastName: 'Dupré', relationship: 'child', age: 1 },
    { firstName: 'Marc', lastName: 'Dupré', relationship: 'spouse', age: null },
  ],
  diagnostic: { version: 3, approvedOn: '2026-11-20', partner: landlordVersion },
  budget: {
    date: '2026-12-06',
    convention: describeConvention(convention, 'Convention par défaut'),
    resources: [{ label: 'RSA', monthlyCents: 63_500 }],
    resourcesCents: 63_500,
    withAid: evaluate(30_000),
    withoutAid: evaluate(0),
  },
  support: {
    schemeName: 'AVDL',
    schemeKind: 'access',
    operatorName: 'Association Le Passage',
    status: 'validated',
    months: 6,
    startOn: null,
    plannedEndOn: null,
    contract: { number: 1, status: 'signing' },
  },
  explanation: {
    policyVersion: 4,
    filters: [
      {
        code: 'resources',
        label: 'Ressources sous le plafond du financement',
        passed: true,
        detail: 'RFR 2024 : 14 500 € ≤ plafond PLAI 2026 : 23 000 €',
        reference: 'CCH R441-1',
      },
    ],
    signals: [
      {
        code: 'demand_age',
        label: 'Ancienneté de la demande',
        value: '14 mois depuis le 03/10/2025 (dossier)',
        points: 1,
        weight: '1 point par mois',
        reference: 'CCH L441-1',
      },
    ],
    points: 1,
  },
  ...over,
});

/** Every string the document prints (its styles, widths and metadata aside). */
const PRINTED_KEYS = ['text', 'content', 'body', 'table', 'footer'];
function printed(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(printed);
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([k, v]) => (PRINTED_KEYS.includes(k) ? printed(v) : []));
  return [];
}
const textOf = (f: CalFileFacts) => printed(calFileDefinition(f)).join('\n');

describe('the CAL file document', () => {
  const text = textOf(facts());

  it('prints the Paris day and time of the edition, and calendar dates as written', () => {
    expect(text).toContain('édité le 06/12/2026');
    expect(text).toContain('Édité le 06/12/2026 00:30 (heure de Paris)');
    expect(text).not.toContain('05/12/2026');
    expect(text).toContain('le 01/12/2026, par SIAO de la Moselle');
    expect(text).toContain('jusqu’au 14/12/2026');
    expect(text).toContain('Version 3 approuvée par le ménage le 20/11/2026');
  });

  it('states the dwelling, the answer, the composition, the support and the occupancy in words', () => {
    expect(text).toContain('12 rue Serpenoise, 57000 Metz');
    expect(text).toContain('64,5 m²');
    expect(text).toContain('Rez-de-chaussée, sans ascenseur');
    expect(text).toContain('Adaptable');
    expect(text).toContain('PLAI');
    expect(text).toContain('Action Logement');
    expect(text).toContain('Refuse la proposition, le 04/12/2026, motif : localisation');
    expect(text).toContain('Léo Dupré, 1 an');
    expect(text).toContain('Marc Dupré (âge non renseigné)');
    expect(text).toContain('AVDL (accès au logement)');
    expect(text).toContain('Validée par le financeur');
    expect(text).toContain('version 1 : en signature');
    expect(text).toContain('Sous-location (intermédiation locative)');
    expect(text).toContain('Commandement de payer');
  });

  it('shows the taux d’effort and the reste à vivre with and without the aid', () => {
    // (480 + 95 − 300) / 635 = 43,3 % with the aid; 575 / 635 = 90,6 % without.
    expect(text).toContain('43,3 %');
    expect(text).toContain('90,6 %');
    expect(text).toContain('Sans aide au logement');
    const none = textOf(
      facts({
        budget: { ...facts().budget, withAid: evaluate(30_000, 0), withoutAid: evaluate(0, 0) },
      }),
    );
    expect(none).toContain('Aucune ressource renseignée');
  });

  it('gives each filter with its figures and reference, each signal with its points', () => {
    expect(text).toContain('version 4');
    expect(text).toContain('Remplie : RFR 2024 : 14 500 € ≤ plafond PLAI 2026 : 23 000 €');
    expect(text).toContain('CCH R441-1');
    expect(text).toContain('14 mois depuis le 03/10/2025 (dossier) — 1 point par mois');
    expect(text).toContain('1 point');
  });

  it('says plainly what is missing', () => {
    const bare = textOf(facts({ diagnostic: null, support: null }));
    expect(bare).toContain('Le ménage n’a pas encore approuvé de diagnostic');
    expect(bare).toContain('Aucune mesure d’accompagnement n’est décidée ni en cours');
  });

  it('prints no code, no identifier and no English word', () => {
    for (const t of [text, textOf(facts({ diagnostic: null, support: null }))]) {
      expect(t).not.toMatch(
        /\b(sublease|refused|reference_person|child|spouse|plai|t3|action_logement|adaptable|access|validated|signing|landlord|resources|demand_age|true|false|null|undefined|NaN)\b/,
      );
      expect(t).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    }
  });
});
