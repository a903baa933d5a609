import { describe, expect, it } from 'vitest';
import {
  answerDueError,
  decisionErrors,
  easterSunday,
  effectiveAnswer,
  givesDwelling,
  isPublicHoliday,
  offerDeadline,
  proposalStateWords,
  refusalOf,
  type DecisionInput,
  type HeldProposal,
  type ProposalFacts,
} from './rules.ts';

const TODAY = '2026-03-30';

describe('Easter and the French public holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter %i is on %s', (year, day) => {
    expect(easterSunday(year)).toBe(day);
  });

  const HOLIDAYS_2026 = [
    '2026-01-01',
    '2026-04-06',
    '2026-05-01',
    '2026-05-08',
    '2026-05-14',
    '2026-05-25',
    '2026-07-14',
    '2026-08-15',
    '2026-11-01',
    '2026-11-11',
    '2026-12-25',
  ];
  const HOLIDAYS_2027 = [
    '2027-01-01',
    '2027-03-29',
    '2027-05-01',
    '2027-05-06',
    '2027-05-08',
    '2027-05-17',
    '2027-07-14',
    '2027-08-15',
    '2027-11-01',
    '2027-11-11',
    '2027-12-25',
  ];
  it.each([...HOLIDAYS_2026, ...HOLIDAYS_2027])('%s is a public holiday', (day) => {
    expect(isPublicHoliday(day)).toBe(true);
  });
  it.each([
    '2026-04-05', // Easter Sunday itself is a Sunday, not a listed holiday
    '2026-04-03', // Good Friday: Alsace-Moselle only
    '2026-12-26', // Saint-Étienne: Alsace-Moselle only
    '2026-05-15',
    '2027-03-28',
    '2027-04-05',
    '2027-05-13',
    '2027-05-24',
  ])('%s is not', (day) => {
    expect(isPublicHoliday(day)).toBe(false);
  });
  it.each([
    ['2026-04-03', 'Good Friday'],
    ['2026-12-26', 'Saint-Étienne'],
    ['2027-03-26', 'Good Friday 2027'],
  ])('%s (%s) is one in Moselle, Bas-Rhin and Haut-Rhin only', (day) => {
    expect(['57', '67', '68', '54', null].map((code) => isPublicHoliday(day, code))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
  it('counts eleven holidays in each year', () => {
    const count = (year: number) => {
      let n = 0;
      for (
        let d = new Date(Date.UTC(year, 0, 1));
        d.getUTCFullYear() === year;
        d.setUTCDate(d.getUTCDate() + 1)
      )
        if (isPublicHoliday(d.toISOString().slice(0, 10))) n++;
      return n;
    };
    expect([count(2026), count(2027)]).toEqual([11, 11]);
  });
});

describe('the offer’s deadline (R441-10, CPC 641–642)', () => {
  it.each([
    ['2026-03-10', 10, '2026-03-20', 'a Friday: kept'],
    ['2026-03-11', 10, '2026-03-23', 'a Saturday: to Monday'],
    ['2026-03-12', 10, '2026-03-23', 'a Sunday: to Monday'],
    ['2026-03-27', 10, '2026-04-07', 'Easter Monday: to Tuesday'],
    ['2026-05-04', 10, '2026-05-15', 'Ascension: to Friday'],
    ['2026-04-28', 10, '2026-05-11', '8 May a Friday, then the weekend'],
    ['2026-05-15', 10, '2026-05-26', 'Whit Monday: to Tuesday'],
    ['2026-12-15', 10, '2026-12-28', 'Christmas a Friday, then the weekend'],
    ['2027-03-19', 10, '2027-03-30', 'Easter Monday 2027'],
    ['2027-04-26', 10, '2027-05-07', 'Ascension 2027: to Friday'],
    ['2027-05-07', 10, '2027-05-18', 'Whit Monday 2027'],
    ['2027-12-15', 10, '2027-12-27', 'Christmas 2027 a Saturday'],
    ['2026-03-10', 15, '2026-03-25', 'a landlord’s longer period'],
  ])('notified %s, %i days → %s (%s)', (notifiedOn, days, due) => {
    expect(offerDeadline(notifiedOn, { minimumDays: days })).toBe(due);
  });

  it.each([
    ['2026-03-24', '2026-04-03', '2026-04-07', 'Good Friday, then Easter'],
    ['2025-12-16', '2025-12-26', '2025-12-29', 'Saint-Étienne a Friday, then the weekend'],
    ['2026-12-16', '2026-12-28', '2026-12-28', 'Saint-Étienne a Saturday: no difference'],
  ])('notified %s in Moselle: %s elsewhere, %s there (%s)', (notifiedOn, elsewhere, moselle) => {
    expect(offerDeadline(notifiedOn, { departementCode: '54' })).toBe(elsewhere);
    expect(offerDeadline(notifiedOn, { departementCode: '57' })).toBe(moselle);
  });

  it('refuses a requested deadline before the legal one, in French', () => {
    expect(answerDueError('2026-03-11', '2026-03-23')).toBeNull();
    expect(answerDueError('2026-03-11', '2026-04-10')).toBeNull();
    expect(answerDueError('2026-03-11', '2026-03-21')).toBe(
      'Le ménage dispose d’au moins dix jours pour répondre (article R441-10 du CCH) : pas avant le 23/03/2026.',
    );
  });
});

describe('the answer as it stands', () => {
  it.each([
    [null, '2026-03-30', null],
    [null, '2026-03-29', 'silence'],
    ['accepted', '2026-03-29', 'accepted'],
    ['refused', '2026-04-10', 'refused'],
    ['silence', '2026-04-10', 'silence'],
  ] as const)('answer %s, due %s → %s', (answer, due, expected) => {
    expect(effectiveAnswer(answer, due, TODAY)).toBe(expected);
  });
});

const proposal = (over: Partial<ProposalFacts> = {}): ProposalFacts => ({
  answer: null,
  answerReason: null,
  answeredOn: null,
  answerDue: '2026-03-20',
  decision: null,
  decisionRank: null,
  decisionReason: null,
  decidedOn: null,
  ...over,
});

describe('whether a proposal gives the household its dwelling', () => {
  const accepted = { answer: 'accepted', answeredOn: '2026-03-15', decidedOn: '2026-03-25' } as const;
  const held = (over: Partial<HeldProposal>) =>
    givesDwelling({ ...proposal(), ranksAhead: [], ...over }, TODAY);
  const pending = { answer: null, answerDue: '2026-04-10' };
  const refused = { answer: 'refused', answerDue: '2026-04-10' } as const;
  const silent = { answer: null, answerDue: '2026-03-20' };
  it.each<[string, Partial<HeldProposal>, boolean]>([
    ['no decision yet', { answer: 'accepted' }, false],
    ['an allocation accepted', { ...accepted, decision: 'allocation' }, true],
    ['an allocation under condition', { ...accepted, decision: 'conditional' }, true],
    ['an allocation, the answer still awaited', { decision: 'allocation', answerDue: '2026-04-10' }, true],
    ['an allocation, no answer by the deadline (a refusal)', { decision: 'allocation' }, false],
    ['a non-allocation', { ...accepted, decision: 'non_allocation' }, false],
    ['a rejection', { ...accepted, decision: 'rejection' }, false],
    ['a landlord’s refusal', { ...accepted, decision: 'landlord_refusal' }, false],
    ['first by classement', { ...accepted, decision: 'allocation_by_rank' }, true],
    [
      'second, the first not answered yet',
      { ...accepted, decision: 'allocation_by_rank', ranksAhead: [pending] },
      false,
    ],
    [
      'second, the first refused',
      { ...accepted, decision: 'allocation_by_rank', ranksAhead: [refused] },
      true,
    ],
    [
      'third, the first refused and the second silent',
      { ...accepted, decision: 'allocation_by_rank', ranksAhead: [refused, silent] },
      true,
    ],
  ])('%s', (_label, over, expected) => {
    expect(held(over)).toBe(expected);
  });
});

describe('who refused', () => {
  it.each([
    ['nobody yet', proposal(), undefined, null],
    ['an acceptance', proposal({ answer: 'accepted', answeredOn: '2026-03-15' }), undefined, null],
    [
      'the household',
      proposal({ answer: 'refused', answerReason: 'location', answeredOn: '2026-03-15' }),
      undefined,
      { party: 'household', reason: 'location', on: '2026-03-15' },
    ],
    [
      'its silence, recorded',
      proposal({ answer: 'silence', answerReason: 'no_answer' }),
      undefined,
      { party: 'household', reason: 'no_answer', on: '2026-03-20' },
    ],
    [
      'its silence, not yet recorded',
      proposal(),
      TODAY,
      { party: 'household', reason: 'no_answer', on: '2026-03-20' },
    ],
    [
      'the landlord',
      proposal({ decision: 'landlord_refusal', decisionReason: 'incomplete_file', decidedOn: '2026-03-18' }),
      undefined,
      { party: 'landlord', reason: 'incomplete_file', on: '2026-03-18' },
    ],
    [
      'the commission (non-allocation)',
      proposal({ decision: 'non_allocation', decisionReason: 'size', decidedOn: '2026-03-25' }),
      undefined,
      { party: 'commission', reason: 'size', on: '2026-03-25' },
    ],
    [
      'the commission (rejection)',
      proposal({ decision: 'rejection', decisionReason: 'resources_over_ceiling', decidedOn: '2026-03-25' }),
      undefined,
      { party: 'commission', reason: 'resources_over_ceiling', on: '2026-03-25' },
    ],
    [
      'no one: an allocation',
      proposal({ answer: 'accepted', decision: 'allocation', decidedOn: '2026-03-25' }),
      TODAY,
      null,
    ],
  ] as const)('%s', (_label, p, today, expected) => {
    expect(refusalOf(p, today)).toEqual(expected);
  });
});

describe('a decision’s checks', () => {
  const input = (over: Partial<DecisionInput> = {}): DecisionInput => ({
    decision: 'allocation',
    decisionRank: null,
    condition: null,
    conditionDue: null,
    reason: null,
    decidedOn: '2026-03-25',
    ...over,
  });
  const facts = (over: Partial<ProposalFacts> = {}) => ({ ...proposal(over), proposedOn: '2026-03-10' });
  const check = (
    i: DecisionInput,
    p = facts(),
    siblings: Parameters<typeof decisionErrors>[2]['siblings'] = [],
  ) => decisionErrors(i, p, { today: TODAY, siblings });

  it('accepts a plain allocation to a household that accepted', () => {
    expect(check(input(), facts({ answer: 'accepted' }))).toEqual({
      conflict: null,
      inconsistent: null,
      fields: {},
    });
  });

  it.each([
    [
      input({ decision: 'allocation_by_rank' }),
      { decisionRank: 'Indiquez le rang donné par la commission (1 ou plus).' },
    ],
    [
      input({ decision: 'allocation_by_rank', decisionRank: 0 }),
      { decisionRank: 'Indiquez le rang donné par la commission (1 ou plus).' },
    ],
    [
      input({ decisionRank: 2 }),
      { decisionRank: 'Un rang ne se donne qu’avec une attribution par classement.' },
    ],
    [
      input({ decision: 'conditional' }),
      {
        condition: 'Indiquez la condition suspensive (la pièce ou le fait attendu).',
        conditionDue: 'Indiquez la date limite pour lever la condition.',
      },
    ],
    [
      input({ decision: 'conditional', condition: 'Avis d’imposition 2025', conditionDue: '2026-03-25' }),
      { conditionDue: 'La date limite pour lever la condition suit la date de la décision.' },
    ],
    [
      input({ condition: 'Avis d’imposition', conditionDue: '2026-04-30' }),
      {
        condition: 'Une condition ne s’indique qu’avec une attribution sous condition.',
        conditionDue: 'Une date limite ne s’indique qu’avec une attribution sous condition.',
      },
    ],
    [input({ decision: 'non_allocation' }), { reason: 'Indiquez le motif de la décision.' }],
    [input({ decision: 'rejection' }), { reason: 'Indiquez le motif de la décision.' }],
    [input({ decision: 'landlord_refusal' }), { reason: 'Indiquez le motif de la décision.' }],
    [input({ reason: 'size' }), { reason: 'Un motif ne s’indique que pour un refus.' }],
    [
      input({ decidedOn: '2026-03-31' }),
      { decidedOn: 'La décision ne peut pas être datée d’un jour à venir.' },
    ],
    [
      input({ decidedOn: '2026-03-09' }),
      { decidedOn: 'La décision ne peut pas précéder la désignation du ménage, le 10/03/2026.' },
    ],
  ])('refuses field by field: %o', (i, fields) => {
    expect(check(i, facts({ answer: 'accepted' })).fields).toEqual(fields);
  });

  it('accepts a conditional allocation and a reasoned non-allocation', () => {
    const conditional = input({
      decision: 'conditional',
      condition: 'Titre de séjour',
      conditionDue: '2026-04-30',
    });
    expect(check(conditional).fields).toEqual({});
    expect(
      check(input({ decision: 'non_allocation', reason: 'size' }), facts({ answer: 'refused' })),
    ).toEqual({
      conflict: null,
      inconsistent: null,
      fields: {},
    });
  });

  it('refuses an allocation to a household that refused or stayed silent', () => {
    expect(check(input(), facts({ answer: 'refused', answeredOn: '2026-03-12' })).inconsistent).toBe(
      'Le ménage a refusé la proposition : le logement ne peut pas lui être attribué.',
    );
    expect(check(input(), facts()).inconsistent).toMatch(/n’a pas répondu dans le délai/);
    expect(check(input(), facts({ answerDue: '2026-04-10' })).inconsistent).toBeNull();
  });

  it('records a decision once, and gives the dwelling once', () => {
    const decided = facts({ decision: 'non_allocation', decidedOn: '2026-03-20', decisionReason: 'size' });
    expect(check(input(), decided).conflict).toBe(
      'La décision est déjà enregistrée pour ce ménage : non-attribution le 20/03/2026.',
    );
    const given = [{ rank: 1, decision: 'allocation' as const, decisionRank: null }];
    expect(check(input(), facts(), given).conflict).toBe(
      'Le logement est déjà attribué au ménage proposé au rang 1.',
    );
    expect(
      check(input({ decision: 'non_allocation', reason: 'other_candidate_preferred' }), facts(), given)
        .conflict,
    ).toBeNull();
    const ranked = [{ rank: 1, decision: 'allocation_by_rank' as const, decisionRank: 1 }];
    expect(
      check(input({ decision: 'allocation_by_rank', decisionRank: 1 }), facts({ answer: 'accepted' }), ranked)
        .fields,
    ).toEqual({
      decisionRank: 'Le rang 1 est déjà donné à un autre ménage pour ce logement.',
    });
    expect(
      check(
        input({ decision: 'allocation_by_rank', decisionRank: 2 }),
        facts({ answer: 'accepted' }),
        ranked,
      ),
    ).toEqual({
      conflict: null,
      inconsistent: null,
      fields: {},
    });
  });
});

describe('a proposal’s state in words', () => {
  it.each([
    [proposal({ answerDue: '2026-04-10' }), 'En attente de la réponse du ménage, au plus tard le 10/04/2026'],
    [proposal(), 'Sans réponse du ménage au 20/03/2026 : vaut refus'],
    [
      proposal({ answer: 'accepted', answeredOn: '2026-03-15' }),
      'Acceptée par le ménage le 15/03/2026, en attente de la décision de la commission',
    ],
    [
      proposal({ answer: 'refused', answeredOn: '2026-03-15', answerReason: 'location' }),
      'Refusée par le ménage le 15/03/2026 : localisation (quartier, commune, éloignement)',
    ],
    [proposal({ decision: 'allocation', decidedOn: '2026-03-25' }), 'Attribution le 25/03/2026'],
    [
      proposal({ decision: 'allocation_by_rank', decisionRank: 2, decidedOn: '2026-03-25' }),
      'Attribution par classement (rang 2) le 25/03/2026',
    ],
    [
      { ...proposal({ decision: 'conditional', decidedOn: '2026-03-25' }), conditionDue: '2026-04-30' },
      'Attribution sous condition suspensive le 25/03/2026, condition à lever avant le 30/04/2026',
    ],
    [
      proposal({ decision: 'rejection', decidedOn: '2026-03-25', decisionReason: 'resources_over_ceiling' }),
      'Rejet pour irrecevabilité le 25/03/2026 : ressources au-dessus du plafond',
    ],
  ])('%o → %s', (p, words) => {
    expect(proposalStateWords(p, TODAY)).toBe(words);
  });
});
