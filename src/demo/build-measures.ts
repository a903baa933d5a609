import {
  fundingProgrammes,
  measureEvents,
  measures,
  measureSchemes,
  measureSchemeVersions,
} from '../modules/measures/schema.ts';
import { alertSettings } from '../modules/alerts/schema.ts';
import {
  committeeMeetings,
  committeeMembers,
  committeePeople,
  committees,
  meetingDecisions,
  meetingItems,
} from '../modules/committees/schema.ts';
import { defaultCatalogue } from '../modules/measures/index.ts';
import type { MeasureEventKind, MeasureStatus } from '../shared/contracts/measures.ts';
import { OCCUPANCY_LABELS } from '../shared/contracts/measures.ts';
import { addMonths } from '../shared/measures/scheme-rules.ts';
import { formatDate } from '../shared/format.ts';
import { DEFAULT_WATCH_MONTHS } from '../shared/watch/rules.ts';
import { daysAgo, isoDate, monthsAgo, seedOf, DAY } from './dates.ts';
import { householdId, stableId } from './ids.ts';
import { createPrng } from './prng.ts';
import { HOUSEHOLD_SPECS } from './household-specs.ts';
import {
  demoUser,
  organisationId,
  territoryId,
  userId,
  DEMO_DEPARTEMENT,
  type DemoOrgKey,
} from './territory.ts';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface MeasureDemoRows {
  measureSchemes: Row<typeof measureSchemes>[];
  measureSchemeVersions: Row<typeof measureSchemeVersions>[];
  fundingProgrammes: Row<typeof fundingProgrammes>[];
  measures: Row<typeof measures>[];
  measureEvents: Row<typeof measureEvents>[];
  committees: Row<typeof committees>[];
  committeeMembers: Row<typeof committeeMembers>[];
  committeePeople: Row<typeof committeePeople>[];
  committeeMeetings: Row<typeof committeeMeetings>[];
  meetingItems: Row<typeof meetingItems>[];
  meetingDecisions: Row<typeof meetingDecisions>[];
  alertSettings: Row<typeof alertSettings>[];
}

/** Who funds which scheme of the shipped catalogue in the demo département. */
const FUNDERS: Record<string, DemoOrgKey> = {
  avdl: 'ddets',
  'fsl-acces': 'cd',
  'fsl-maintien': 'cd',
  'fsl-mesures-specifiques': 'cd',
  'asll-maintien': 'cd',
  'accompagnement-global': 'cd',
  'accompagnement-bailleur': 'habitat',
  gla: 'cd',
};
const schemeId = (code: string) => stableId(`measure-scheme:${code}`);
const versionId = (code: string) => stableId(`measure-scheme-version:${code}`);

/** The life of each demo measure, by how far it went; dates count back from the load date. */
const PATHS: readonly MeasureStatus[] = [
  'active',
  'active',
  'prescribed',
  'active',
  'validated',
  'ended',
  'proposed',
  'active',
  'refused',
  'active',
];

/**
 * Schemes (the catalogue adopted by the Conseil départemental, the DDETS and Habitat Brenne), the
 * year's programmes, a measure for most households an association follows — at every stage of its
 * life — and the comité d'orientation et de suivi Habitat Brenne convenes with the associations:
 * a past meeting whose decisions led to the measures, and the next one with its agenda.
 */
export function buildMeasureRows(now: Date): MeasureDemoRows {
  const catalogue = defaultCatalogue();
  const rows: MeasureDemoRows = {
    measureSchemes: [],
    measureSchemeVersions: [],
    fundingProgrammes: [],
    measures: [],
    measureEvents: [],
    committees: [],
    committeeMembers: [],
    committeePeople: [],
    committeeMeetings: [],
    meetingItems: [],
    meetingDecisions: [],
    // L’Escale answers referrals within five days and prepares the end of a measure six weeks
    // ahead; Le Passage keeps the defaults.
    alertSettings: [
      {
        organisationId: organisationId('escale'),
        noContactDays: 30,
        measureEndingDays: 45,
        renewalLimitDays: 90,
        referralUnansweredDays: 5,
        contractUnsignedDays: 15,
        updatedByUserId: userId('escale-admin'),
        updatedAt: daysAgo(now, 60),
      },
    ],
  };
  const year = now.getUTCFullYear();
  for (const t of catalogue.schemes) {
    const funder = FUNDERS[t.code]!;
    rows.measureSchemes.push({
      id: schemeId(t.code),
      territoryId: territoryId(DEMO_DEPARTEMENT.code),
      funderOrganisationId: organisationId(funder),
      code: t.code,
      name: t.name,
      kind: t.kind,
      createdBy: userId(`${funder}-admin`),
      createdAt: new Date(`${year - 1}-12-01T09:00:00Z`),
    });
    rows.measureSchemeVersions.push({
      id: versionId(t.code),
      schemeId: schemeId(t.code),
      effectiveFrom: `${year - 2}-01-01`,
      rules: t.rules,
      costs: t.costs,
      createdBy: userId(`${funder}-admin`),
      createdAt: new Date(`${year - 1}-12-01T09:00:00Z`),
    });
    const monthly = t.costs.perMonthCents ?? 0;
    if (monthly > 0)
      rows.fundingProgrammes.push({
        id: stableId(`programme:${t.code}:${year}`),
        schemeId: schemeId(t.code),
        name: `${t.name.split(' — ')[0]} ${year}`,
        periodFrom: `${year}-01-01`,
        periodTo: `${year}-12-31`,
        budgetMeasures: t.code === 'avdl' ? 24 : 40,
        budgetCents: (t.code === 'avdl' ? 24 : 40) * monthly * t.rules.initialMonths,
        createdBy: userId(`${funder}-admin`),
        createdAt: new Date(`${year - 1}-12-15T09:00:00Z`),
      });
  }

  const committeeId = stableId('committee:cos');
  const pastMeetingId = stableId('meeting:cos:past');
  const nextMeetingId = stableId('meeting:cos:next');
  const pastMeeting = new Date(daysAgo(now, 45).setUTCHours(12, 30, 0, 0));
  const pastDay = isoDate(pastMeeting);
  const after = (days: number) => isoDate(new Date(pastMeeting.getTime() + days * DAY));
  rows.committees.push({
    id: committeeId,
    organisationId: organisationId('habitat'),
    name: 'Comité d’orientation et de suivi du Val-de-Brenne',
    territoryId: territoryId(DEMO_DEPARTEMENT.code),
    kind: 'orientation_follow_up',
    cadence: 'quarterly',
    createdBy: userId('habitat-committee'),
    createdAt: daysAgo(now, 400),
  });
  rows.committeeMembers.push(
    ...(['passage', 'escale', 'siao', 'cd'] as const).map((org) => ({
      committeeId,
      organisationId: organisationId(org),
    })),
  );
  // Who sits: staff with an account for the convener, Le Passage and the Département; the SIAO's
  // director, who does not use Relais, by name. L’Escale named nobody: its whole team is invited.
  const seat = (key: string, fn: string) => {
    const user = demoUser(key);
    return {
      organisationId: organisationId(user.org),
      userId: userId(key),
      fullName: user.fullName,
      function: fn,
    };
  };
  rows.committeePeople.push(
    ...[
      seat('habitat-committee', 'Secrétariat du comité'),
      seat('passage-manager', 'Cheffe de service, référente du comité'),
      seat('cd-officer', 'Chargé de mission FSL'),
      {
        organisationId: organisationId('siao'),
        userId: null,
        fullName: 'Olivier Mercier',
        function: 'Directeur du SIAO',
      },
    ].map((p) => ({ id: stableId(`committee:cos:person:${p.fullName}`), committeeId, ...p })),
  );
  rows.committeeMeetings.push(
    {
      id: pastMeetingId,
      committeeId,
      startsAt: pastMeeting,
      durationMinutes: 150,
      location: 'Habitat Brenne, salle du conseil, Saint-Aubin-sur-Brenne',
      createdBy: userId('habitat-committee'),
      createdAt: daysAgo(now, 120),
    },
    {
      id: nextMeetingId,
      committeeId,
      startsAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 21, 12, 30)),
      durationMinutes: 150,
      location: 'Habitat Brenne, salle du conseil, Saint-Aubin-sur-Brenne',
      createdBy: userId('habitat-committee'),
      createdAt: daysAgo(now, 10),
    },
  );

  const followed = HOUSEHOLD_SPECS.filter((s) => s.followedBy && !s.closed);
  followed.forEach((spec, i) => {
    const prng = createPrng(seedOf(`measure:${spec.key}`));
    const status = PATHS[i % PATHS.length]!;
    const housed = spec.situation === 'social_tenant' || spec.situation === 'private_tenant';
    const code = housed
      ? (spec.debts?.length ?? 0) > 0
        ? 'fsl-maintien'
        : 'asll-maintien'
      : i % 3 === 0
        ? 'avdl'
        : 'fsl-acces';
    const t = catalogue.schemes.find((s) => s.code === code)!;
    const worker = demoUser(spec.followedBy!);
    const id = stableId(`measure:${spec.key}`);
    const hId = householdId(spec.key);
    // Measures waiting for the funder, and some of those under way, were decided at the last meeting.
    const fromMeeting =
      ['prescribed', 'validated', 'refused'].includes(status) || (status === 'active' && i % 3 === 1);
    // The ended measures (one in ten) ended 12 days, 13 months and 11 months ago: a watch that
    // begins, one past its first yearly visit, one whose yearly visit falls due within weeks.
    const endedMonthsAgo = status === 'ended' ? ([0, 13, 11][Math.floor(i / PATHS.length)] ?? 0) : 0;
    const startedMonthsAgo = 2 + prng.int(0, t.rules.initialMonths + 2) + endedMonthsAgo;
    const endedOn = status === 'ended' ? addMonths(isoDate(daysAgo(now, 12)), -endedMonthsAgo) : null;
    const start = fromMeeting ? after(21) : monthsAgo(now, startedMonthsAgo);
    const renewals =
      !fromMeeting && startedMonthsAgo >= t.rules.initialMonths && (t.rules.maxRenewals ?? 1) > 0 ? 1 : 0;
    const totalMonths = t.rules.initialMonths + renewals * t.rules.renewalMonths;
    const prescribedOn =
      status === 'proposed' ? null : fromMeeting ? pastDay : isoDate(new Date(Date.parse(start) - 20 * DAY));
    const decided = ['validated', 'active', 'ended', 'refused'].includes(status);
    const started = status === 'active' || status === 'ended';
    const occupancy = housed
      ? 'current_home'
      : code === 'avdl'
        ? 'sublease_sliding'
        : 'direct_lease_with_support';
    const briques = housed ? ['2.4', '2.5'] : ['2.1', '2.2', '2.3'];
    rows.measures.push({
      id,
      householdId: hId,
      schemeId: schemeId(code),
      schemeVersionId: versionId(code),
      status,
      referentielVersion: '2011-01',
      briques,
      visitsPerMonth: housed ? 2 : 4,
      occupancy,
      operatorOrganisationId: organisationId(worker.org),
      caseworkerUserId: userId(worker.key),
      proposedByOrganisationId: organisationId(worker.org),
      initialMonths: t.rules.initialMonths,
      prescribedOn,
      decidedOn: decided ? (fromMeeting ? after(7) : isoDate(new Date(Date.parse(start) - 10 * DAY))) : null,
      refusalReason:
        status === 'refused' ? 'Enveloppe du trimestre engagée : à représenter au prochain comité.' : null,
      startOn: started ? start : null,
      plannedEndOn: started ? addMonths(start, totalMonths) : null,
      renewals: started ? renewals : 0,
      totalMonths: started ? totalMonths : 0,
      endedOn,
      endReason: status === 'ended' ? 'objectives_reached' : null,
      orientation: status === 'ended' ? 'watch' : null,
      watchMonths: status === 'ended' ? DEFAULT_WATCH_MONTHS : null,
      createdAt: new Date(Date.parse(start) - 30 * DAY),
      updatedAt: daysAgo(now, 5),
    });
    const steps: [MeasureEventKind, number, string | null][] = [['proposed', -30, null]];
    if (prescribedOn)
      steps.push([
        'prescribed',
        -20,
        fromMeeting
          ? `Décision du comité d’orientation et de suivi du Val-de-Brenne du ${formatDate(pastMeeting)}.`
          : null,
      ]);
    if (decided)
      steps.push([
        status === 'refused' ? 'refused' : 'validated',
        -10,
        status === 'refused' ? 'Enveloppe du trimestre engagée : à représenter au prochain comité.' : null,
      ]);
    if (started) steps.push(['started', 0, null]);
    if (started && renewals > 0)
      steps.push([
        'renewed',
        t.rules.initialMonths * 30 - 15,
        `${t.rules.renewalMonths} mois de plus. Objectifs en bonne voie, à consolider.`,
      ]);
    if (status === 'ended')
      steps.push([
        'ended',
        Math.round((Date.parse(endedOn!) - Date.parse(start)) / DAY),
        `Objectifs atteints. Veille sociale, ${DEFAULT_WATCH_MONTHS} mois`,
      ]);
    steps.forEach(([kind, offset, detail], n) =>
      rows.measureEvents.push({
        id: stableId(`measure-event:${spec.key}:${n}`),
        measureId: id,
        kind,
        detail,
        userId:
          kind === 'validated' || kind === 'refused'
            ? userId(FUNDERS[code] === 'ddets' ? 'ddets-officer' : 'cd-officer')
            : userId(worker.key),
        organisationId: organisationId(
          kind === 'validated' || kind === 'refused' ? FUNDERS[code]! : worker.org,
        ),
        at: new Date(Math.min(Date.parse(start) + offset * DAY, now.getTime() - DAY)),
      }),
    );

    // The past meeting oriented the measures now under way; the next one reviews what waits.
    const next = status === 'proposed' || (status === 'active' && !fromMeeting && i % 4 === 0);
    const meetingId = next ? nextMeetingId : pastMeetingId;
    if (!next && !fromMeeting) return;
    const itemId = stableId(`meeting-item:${spec.key}`);
    rows.meetingItems.push({
      id: itemId,
      meetingId,
      householdId: hId,
      kind: 'measure_review',
      referenceId: id,
      title:
        next && status !== 'proposed'
          ? `${t.name} : point d’étape avant la fin prévue`
          : `Mesure proposée : ${t.name}`,
      householdPresence: next ? 'informed' : i % 2 === 0 ? 'attended' : 'informed',
      addedByOrganisationId: organisationId(worker.org),
      addedByUserId: userId(worker.key),
      position: i + 1,
      createdAt: next ? daysAgo(now, 7) : new Date(pastMeeting.getTime() - 14 * DAY),
    });
    if (!next)
      rows.meetingDecisions.push({
        id: stableId(`meeting-decision:${spec.key}`),
        itemId,
        outcome: 'orientation',
        decidedOn: pastDay,
        summary: `Orientation : ${t.name} — ${t.rules.initialMonths} mois — ${OCCUPANCY_LABELS[occupancy]} — briques ${briques.join(', ')}`,
        reason: null,
        measureId: id,
        decidedByUserId: userId('habitat-committee'),
        createdAt: pastMeeting,
      });
  });
  return rows;
}
