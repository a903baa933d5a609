import type {
  DeadlineCode,
  ProcedureStep,
  TDeadline,
  TEvictionTimelineRequest,
  TEvictionTimelineResult,
} from '../contracts/calculators.ts';
import { formatLongDate } from '../format.ts';
import { addMonths } from '../measures/scheme-rules.ts';
import { addDays } from '../time.ts';

/**
 * The legal deadlines of a rent-arrears and eviction procedure (docs: eviction-and-aids.md §2, §5,
 * §7.2), computed under the rules in force on the date each one depends on. Pure: the same function
 * answers the public API and runs in the browser. Dates are calendar days (YYYY-MM-DD); months are
 * counted as French law counts them (addMonths: 31 December + 2 months = end of February, and the
 * same backwards); no shift to working days (CPC art. 642 for forward delays is unconfirmed).
 */

/** A delay: whole months, or calendar days (6 weeks = 42 days). */
export type Delay = { months: number } | { days: number };

/** A rule in force from a date (inclusive) until the next entry's. */
interface Dated {
  from: string;
  /** The French legal reference shown beside the deadline. */
  rule: string;
}

type ImpayeDefinition =
  | (Dated & { kind: 'rent_multiple'; multiple: number })
  | (Dated & { kind: 'amount_or_duration'; thresholdCents: number; months: number });

interface DelayRule extends Dated {
  delay: Delay;
}

/** The months and days (MM-DD) the winter truce begins and ends, both included. */
interface TruceRule extends Dated {
  first: string;
  last: string;
}

export interface EvictionRules {
  impaye: readonly ImpayeDefinition[];
  signalling: readonly DelayRule[];
  commandement: readonly DelayRule[];
  ccapex: readonly DelayRule[];
  prefetNotice: readonly DelayRule[];
  cql: readonly DelayRule[];
  winterTruce: readonly TruceRule[];
  cfpSilence: readonly DelayRule[];
}

/**
 * Every rule that changes with time, with the date it applies from; the date it is keyed on is
 * named beside each table. An entry holds until the next one's `from`.
 */
export const EVICTION_RULES: EvictionRules = {
  /** Keyed on the day tested. Until 2026: R824-1 (loyer et charges, net of the aid in tiers payant). */
  impaye: [
    { from: '1900-01-01', kind: 'rent_multiple', multiple: 2, rule: 'CCH R824-1' },
    {
      from: '2027-01-01',
      kind: 'amount_or_duration',
      thresholdCents: 45_000,
      months: 3,
      rule: 'CCH R824-1 (décret n° 2026-84)',
    },
  ],
  /** Keyed on the day the impayé is constituted. */
  signalling: [
    { from: '1900-01-01', delay: { months: 2 }, rule: 'CCH R824-4' },
    { from: '2027-01-01', delay: { months: 2 }, rule: 'CCH R824-4 (décret n° 2026-84)' },
  ],
  /** Keyed on the lease's signature (Cass. avis n° 24-70.002: leases in progress keep 2 months). */
  commandement: [
    { from: '1900-01-01', delay: { months: 2 }, rule: 'loi n° 89-462 art. 24 I' },
    { from: '2023-07-29', delay: { days: 42 }, rule: 'loi n° 89-462 art. 24 I (loi n° 2023-668)' },
  ],
  /** Keyed on the referral; the CAF signal counts as the CCAPEX referral. */
  ccapex: [{ from: '1900-01-01', delay: { months: 2 }, rule: 'loi n° 89-462 art. 24 II' }],
  /** Keyed on the assignation (the hearing when it is not given); counted backwards from the hearing. */
  prefetNotice: [
    { from: '1900-01-01', delay: { months: 2 }, rule: 'loi n° 89-462 art. 24 III' },
    { from: '2023-07-29', delay: { days: 42 }, rule: 'loi n° 89-462 art. 24 III (loi n° 2023-668)' },
  ],
  /** Keyed on the commandement de quitter les lieux. */
  cql: [{ from: '1900-01-01', delay: { months: 2 }, rule: 'CPCE L412-1' }],
  /** Keyed on the day the expulsion would fall (ALUR set the end on 31 March). */
  winterTruce: [{ from: '2014-03-27', first: '11-01', last: '03-31', rule: 'CPCE L412-6' }],
  /** Keyed on the request: the préfet's silence for 2 months is a refusal. */
  cfpSilence: [{ from: '1900-01-01', delay: { months: 2 }, rule: 'CPCE R153-1' }],
};

/** The entry of a dated table in force on `day` (the first one for an earlier day). */
export function ruleOn<T extends Dated>(table: readonly T[], day: string): T {
  let found = table[0]!;
  for (const entry of table) if (entry.from <= day) found = entry;
  return found;
}

export function shift(day: string, delay: Delay, direction: 1 | -1 = 1): string {
  return 'months' in delay ? addMonths(day, direction * delay.months) : addDays(day, direction * delay.days);
}

/** The French name of each deadline, in the procedure's order. */
export const DEADLINE_LABELS: Record<DeadlineCode, string> = {
  impayeConstitutedOn: 'Impayé de loyer constitué (au sens de l’aide au logement)',
  signallingDueBy: 'Signalement de l’impayé à la CAF ou à la MSA, au plus tard',
  commandementDelayEndsOn: 'Fin du délai du commandement de payer (clause résolutoire acquise)',
  earliestAssignationOn: 'Assignation possible à partir du',
  prefetNoticeLatestOn: 'Notification de l’assignation au préfet, au plus tard',
  earliestExpulsionOn: 'Expulsion possible à partir du',
  cfpImplicitRefusalOn: 'Refus implicite du concours de la force publique',
};

/** The French name of each procedure step given to the calculator. */
export const STEP_LABELS: Record<ProcedureStep, string> = {
  cafSignalledOn: 'Signalement à la CAF ou à la MSA',
  ccapexReferredOn: 'Saisine de la CCAPEX',
  commandementServedOn: 'Commandement de payer',
  assignationServedOn: 'Assignation',
  hearingOn: 'Audience',
  cqlServedOn: 'Commandement de quitter les lieux',
  cfpRequestedOn: 'Demande de concours de la force publique',
};

export const PROCEDURE_STAGES = [
  'first_unpaid',
  'impaye',
  'ccapex',
  'commandement',
  'assignation',
  'dsf',
  'hearing',
  'cql',
  'cfp',
  'winter_truce',
  'expulsion',
] as const;
export type ProcedureStage = (typeof PROCEDURE_STAGES)[number];

/** Each stage of the procedure in words, and what a support worker can do then (§2, last column). */
export const STAGE_GUIDANCE: Record<ProcedureStage, { label: string; actions: string }> = {
  first_unpaid: {
    label: 'Premier loyer impayé',
    actions:
      'Contacter le ménage tôt ; vérifier ses droits à l’aide au logement et à qui elle est versée ; vérifier le compte locatif (charges, régularisation, erreurs) et la décence du logement ; convenir d’un échéancier amiable ; préparer une demande FSL maintien ; orienter vers le travailleur social de la CAF.',
  },
  impaye: {
    label: 'Impayé constitué et signalé à la CAF ou à la MSA',
    actions:
      'Aider le ménage à répondre à la CAF ; veiller à ce qu’il paie au moins le loyer résiduel courant ; demander un diagnostic social et financier ou un accompagnement CAF ; suivre le délai laissé au bailleur pour proposer un plan d’apurement.',
  },
  ccapex: {
    label: 'Saisine de la CCAPEX (bailleur personne morale)',
    actions:
      'S’assurer que la CCAPEX connaît le dossier ; préparer les éléments de son avis : FSL, plan d’apurement, mutation, mesure d’accompagnement.',
  },
  commandement: {
    label: 'Commandement de payer visant la clause résolutoire',
    actions:
      'Vérifier le délai écrit dans l’acte au regard de la date du bail ; aider le ménage à payer dans le délai ou obtenir un échéancier écrit du bailleur ; déposer une demande FSL maintien ; rappeler que des délais de paiement peuvent être demandés au juge ; contacter l’ADIL.',
  },
  assignation: {
    label: 'Assignation devant le juge des contentieux de la protection',
    actions:
      'Lire l’assignation avec le ménage (montant, demandes) ; chercher l’aide juridictionnelle et un avocat ; rassembler les preuves (paiements, aide au logement, décision FSL) ; noter la date de l’audience.',
  },
  dsf: {
    label: 'Diagnostic social et financier',
    actions:
      'Veiller à ce que le ménage se rende à l’entretien ; fournir budget, ressources et preuve de la reprise du loyer courant ; recueillir ses observations écrites.',
  },
  hearing: {
    label: 'Audience et jugement',
    actions:
      'Accompagner le ménage à l’audience avec le diagnostic, la preuve des paiements courants et un échéancier réaliste ; signaler un dossier de surendettement ; après le jugement, inscrire l’échéancier au compte locatif et suivre chaque échéance.',
  },
  cql: {
    label: 'Commandement de quitter les lieux',
    actions:
      'Demander des délais au juge de l’exécution avec les preuves des démarches de relogement (DALO, SIAO, demande de logement social) ; demander un protocole de cohésion sociale chez un bailleur social ; continuer à payer l’indemnité d’occupation.',
  },
  cfp: {
    label: 'Demande de concours de la force publique',
    actions:
      'Accompagner le ménage à la convocation de la police ou de la gendarmerie avec ses preuves (indemnité payée, démarches de relogement, diagnostic) ; alerter la CCAPEX et le SIAO ; déposer un recours DALO s’il n’est pas fait.',
  },
  winter_truce: {
    label: 'Trêve hivernale (1er novembre – 31 mars)',
    actions:
      'Mettre la période à profit pour obtenir un relogement ou un protocole ; une expulsion est possible à partir du 1er avril.',
  },
  expulsion: {
    label: 'Expulsion',
    actions:
      'Mettre à l’abri (115, SIAO) ; organiser la garde des meubles ; suivre la dette restante (FSL, surendettement).',
  },
};

/** The stage each deadline belongs to, for what a support worker can do by then. */
export const DEADLINE_STAGE: Record<DeadlineCode, ProcedureStage> = {
  impayeConstitutedOn: 'first_unpaid',
  signallingDueBy: 'impaye',
  commandementDelayEndsOn: 'commandement',
  earliestAssignationOn: 'assignation',
  prefetNoticeLatestOn: 'dsf',
  earliestExpulsionOn: 'cql',
  cfpImplicitRefusalOn: 'cfp',
};

/** Euros → integer cents at the boundary; every amount below is in cents. */
export const toCents = (euros: number): number => Math.round(euros * 100);

interface Balance {
  on: string;
  cents: number;
}

/**
 * The first day D, from the first balance date, on which the impayé definition in force on D
 * holds. The balances are constant between entries and the last one holds for ever, so the days
 * are walked by intervals: between two entries, or a change of definition, nothing changes but
 * the time elapsed since the first default, whose 3-month mark is the only day inside an interval
 * that can be the answer. The last interval is open: the search ends.
 */
export function impayeConstitutedOn(
  balances: readonly Balance[],
  monthlyDueCents: { gross: number; net: number },
  benefitPaidTo: TEvictionTimelineRequest['rent']['benefitPaidTo'],
  definitions: readonly ImpayeDefinition[] = EVICTION_RULES.impaye,
): { date: string; rule: string } | null {
  if (balances.length === 0) return null;
  const first = balances[0]!.on;
  const entryDays = balances.map((b) => b.on);
  const starts = [
    ...new Set([...entryDays, ...definitions.map((d) => d.from).filter((d) => d > first)]),
  ].sort();
  let index = -1; // the balance entry in force
  let cents = 0;
  /** The first default of the current debt: the day the balance became > 0 after ≤ 0 (or the first entry). */
  let firstDefault: string | null = null;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? null; // exclusive; null: for ever
    if (index + 1 < balances.length && balances[index + 1]!.on === start) {
      index++;
      const previous = cents;
      cents = balances[index]!.cents;
      // A credit (negative balance) counts as no debt: a debt after it is a new first default.
      if (cents <= 0) firstDefault = null;
      else if (index === 0 || previous <= 0) firstDefault = start;
    }
    if (cents <= 0) continue;
    const definition = ruleOn(definitions, start);
    if (definition.kind === 'rent_multiple') {
      const monthly = benefitPaidTo === 'landlord' ? monthlyDueCents.net : monthlyDueCents.gross;
      if (cents >= definition.multiple * monthly) return { date: start, rule: definition.rule };
      continue;
    }
    if (cents > definition.thresholdCents) return { date: start, rule: definition.rule };
    const mark = addMonths(firstDefault!, definition.months);
    const day = mark > start ? mark : start;
    if (end === null || day < end) return { date: day, rule: definition.rule };
  }
  return null;
}

export type TimelineCheck = { ok: true } | { ok: false; fields: Record<string, string> };

/** The chain of steps that must come in this order (each not before the ones above it). */
const CHAIN: readonly ProcedureStep[] = [
  'commandementServedOn',
  'assignationServedOn',
  'hearingOn',
  'cqlServedOn',
  'cfpRequestedOn',
];

/**
 * What a well-formed request can still get wrong (422): balances not in strictly ascending order,
 * a step before the lease, a step before one that must precede it. Field paths as the API names
 * them; French messages the browser shows as they are.
 */
export function checkEvictionTimeline(input: TEvictionTimelineRequest): TimelineCheck {
  const fields: Record<string, string> = {};
  const { signedOn } = input.lease;
  input.balances.forEach((b, i) => {
    const before = input.balances[i - 1];
    if (before && b.on <= before.on)
      fields[`balances.${i}.on`] =
        `Les dates des soldes doivent être strictement croissantes : celle-ci suit le ${formatLongDate(before.on)}.`;
    else if (b.on < signedOn)
      fields[`balances.${i}.on`] =
        `Un solde ne peut pas précéder la signature du bail (${formatLongDate(signedOn)}).`;
  });
  const steps = input.steps;
  for (const step of ['cafSignalledOn', 'ccapexReferredOn'] as const) {
    const day = steps[step];
    if (day && day < signedOn)
      fields[`steps.${step}`] =
        `${STEP_LABELS[step]} : ne peut pas précéder la signature du bail (${formatLongDate(signedOn)}).`;
  }
  let latest: { step: ProcedureStep | null; day: string } = { step: null, day: signedOn };
  for (const step of CHAIN) {
    const day = steps[step];
    if (!day) continue;
    if (day < latest.day) {
      const what = latest.step
        ? `${STEP_LABELS[latest.step].toLowerCase()} du ${formatLongDate(latest.day)}`
        : `la signature du bail (${formatLongDate(latest.day)})`;
      fields[`steps.${step}`] = `${STEP_LABELS[step]} : ne peut pas précéder ${what}.`;
    } else latest = { step, day };
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true };
}

export type EvictionTimelineOutcome =
  { ok: true; result: TEvictionTimelineResult } | { ok: false; fields: Record<string, string> };

const after = (day: string | null | undefined, entry: { delay: Delay; rule: string }): TDeadline =>
  day ? { date: shift(day, entry.delay), rule: entry.rule } : null;

/** `day`, or the next 1 April when it falls in the winter truce (1 November – 31 March inclusive). */
function outsideWinterTruce(day: string): { date: string; truce: string | null } {
  const truce = ruleOn(EVICTION_RULES.winterTruce, day);
  const monthDay = day.slice(5);
  if (monthDay < truce.first && monthDay > truce.last) return { date: day, truce: null };
  const year = Number(day.slice(0, 4)) + (monthDay >= truce.first ? 1 : 0);
  return { date: addDays(`${year}-${truce.last}`, 1), truce: truce.rule };
}

/** Every deadline of the procedure, or the fields that make the request inconsistent. */
export function evictionTimeline(input: TEvictionTimelineRequest): EvictionTimelineOutcome {
  const check = checkEvictionTimeline(input);
  if (!check.ok) return check;
  const { lease, rent, steps } = input;

  const gross = toCents(rent.monthlyRent) + toCents(rent.monthlyCharges);
  const impaye = impayeConstitutedOn(
    input.balances.map((b) => ({ on: b.on, cents: toCents(b.amount) })),
    { gross, net: gross - toCents(rent.monthlyHousingBenefit ?? 0) },
    rent.benefitPaidTo,
  );

  const commandementRule = ruleOn(EVICTION_RULES.commandement, lease.signedOn);
  const commandementDelayEndsOn = after(steps.commandementServedOn, commandementRule);

  const referrals = [steps.ccapexReferredOn, steps.cafSignalledOn].filter((d): d is string => !!d).sort();
  let earliestAssignationOn: TDeadline = null;
  if (commandementDelayEndsOn) {
    if (lease.landlord === 'natural_person') earliestAssignationOn = commandementDelayEndsOn;
    else if (referrals[0]) {
      const ccapex = after(referrals[0], ruleOn(EVICTION_RULES.ccapex, referrals[0]))!;
      earliestAssignationOn = ccapex.date > commandementDelayEndsOn.date ? ccapex : commandementDelayEndsOn;
    }
  }

  let prefetNoticeLatestOn: TDeadline = null;
  if (steps.hearingOn) {
    const notice = ruleOn(EVICTION_RULES.prefetNotice, steps.assignationServedOn ?? steps.hearingOn);
    prefetNoticeLatestOn = { date: shift(steps.hearingOn, notice.delay, -1), rule: notice.rule };
  }

  let earliestExpulsionOn: TDeadline = null;
  if (steps.cqlServedOn) {
    const cql = after(steps.cqlServedOn, ruleOn(EVICTION_RULES.cql, steps.cqlServedOn))!;
    const { date, truce } = outsideWinterTruce(cql.date);
    earliestExpulsionOn = { date, rule: truce ? `${cql.rule}, ${truce}` : cql.rule };
  }

  return {
    ok: true,
    result: {
      deadlines: {
        impayeConstitutedOn: impaye,
        signallingDueBy: impaye ? after(impaye.date, ruleOn(EVICTION_RULES.signalling, impaye.date)) : null,
        commandementDelayEndsOn,
        earliestAssignationOn,
        prefetNoticeLatestOn,
        earliestExpulsionOn,
        cfpImplicitRefusalOn: steps.cfpRequestedOn
          ? after(steps.cfpRequestedOn, ruleOn(EVICTION_RULES.cfpSilence, steps.cfpRequestedOn))
          : null,
      },
    },
  };
}
