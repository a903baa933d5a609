import type { journalEntries, journalEntryChanges } from '../modules/journal/schema.ts';
import type { measures } from '../modules/measures/schema.ts';
import type { householdMembers, householdParties } from '../modules/households/schema.ts';
import type { JournalKind } from '../shared/contracts/journal.ts';
import { addMonths } from '../shared/measures/scheme-rules.ts';
import { watchEndsOn } from '../shared/watch/rules.ts';
import { DAY, seedOf } from './dates.ts';
import { stableId } from './ids.ts';
import { createPrng, type Prng } from './prng.ts';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface JournalDemoRows {
  journalEntries: Row<typeof journalEntries>[];
  journalEntryChanges: Row<typeof journalEntryChanges>[];
}

interface Activity {
  kind: JournalKind;
  minutes: [number, number];
  place: string;
  notes: readonly string[];
  withMember: boolean;
  withPartner?: boolean;
}

/** What a month of support looks like (seed 002, briques 2.4–2.7: contact at least monthly, a visit). */
const ACTIVITIES: readonly Activity[] = [
  {
    kind: 'home_visit',
    minutes: [45, 90],
    place: 'Au domicile',
    withMember: true,
    notes: [
      'Point sur le budget du mois et les quittances ; l’échéancier est tenu.',
      'Visite du logement : chauffage réglé, humidité dans la salle d’eau signalée au bailleur.',
      'Relecture des courriers reçus ; dossier de renouvellement CAF préparé ensemble.',
    ],
  },
  {
    kind: 'phone_call',
    minutes: [10, 25],
    place: '',
    withMember: true,
    notes: [
      'Appel de suivi : rendez-vous CAF confirmé pour la semaine prochaine.',
      'Le ménage signale un retard de versement de l’allocation ; relance faite.',
      'Prise de nouvelles après l’entretien Pôle emploi.',
    ],
  },
  {
    kind: 'office_meeting',
    minutes: [45, 75],
    place: 'Permanence de l’association',
    withMember: true,
    notes: [
      'Point mensuel avec le ménage : objectifs du contrat revus, prochaines démarches fixées.',
      'Constitution du dossier FSL avec les justificatifs apportés.',
    ],
  },
  {
    kind: 'partner_contact',
    minutes: [10, 30],
    place: '',
    withMember: false,
    withPartner: true,
    notes: [
      'Échange avec la conseillère sociale du bailleur sur le plan d’apurement.',
      'Point avec le partenaire sur l’avancement de la demande de logement.',
    ],
  },
  {
    kind: 'accompaniment',
    minutes: [90, 180],
    place: 'Caisse d’allocations familiales',
    withMember: true,
    notes: ['Accompagnement au rendez-vous CAF : droits à l’aide au logement ouverts.'],
  },
  {
    kind: 'letter_sent',
    minutes: [15, 20],
    place: '',
    withMember: false,
    notes: [
      'Courrier au bailleur pour proposer un échéancier.',
      'Courrier à la CAF avec l’attestation de loyer.',
    ],
  },
];

const CONFIDENTIAL_NOTES = [
  'Le ménage évoque des difficultés de santé ; orientation vers le centre médico-psychologique proposée.',
  'Tensions familiales évoquées en entretien individuel ; à suivre avec prudence.',
];

/** A weekday of the month `monthsBack` before `now`, during office hours (Paris, in winter or summer). */
function dayIn(prng: Prng, now: Date, monthsBack: number): Date {
  const at = new Date(
    Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth() - monthsBack,
      prng.int(2, 27),
      prng.int(7, 15),
      prng.pick([0, 15, 30, 45]),
    ),
  );
  while (at.getUTCDay() === 0 || at.getUTCDay() === 6) at.setTime(at.getTime() + DAY);
  return at;
}

/**
 * The yearly visits of a measure's watch whose anniversaries are past on `now`: a home visit three
 * weeks before each anniversary of the end within the watch (src/shared/watch/rules.ts), so a watch
 * older than a year shows its visit done and a younger one its visit to come.
 */
function watchVisits(m: Row<typeof measures>, now: Date): { activity: Activity; at: Date; note: string }[] {
  if (m.status !== 'ended' || !m.endedOn || !m.watchMonths) return [];
  const last = watchEndsOn({ endedOn: m.endedOn, watchMonths: m.watchMonths })!;
  const visits = [];
  for (let year = 1; addMonths(m.endedOn, 12 * year) <= last; year++) {
    const anniversary = Date.parse(`${addMonths(m.endedOn, 12 * year)}T09:00:00Z`);
    if (anniversary >= now.getTime()) break;
    const at = new Date(anniversary - 21 * DAY);
    visits.push({
      activity: ACTIVITIES[0]!,
      at,
      note: 'Visite annuelle de veille : loyer payé chaque mois, pas de nouvelle dette ; le ménage sait qui appeler en cas de difficulté.',
    });
  }
  return visits;
}

/**
 * A plausible journal for every measure under way or in its watch: each month since its start (six
 * at most), a call, a visit every other month, partner contacts and letters now and then, written by
 * the measure's référent; a few confidential entries; one entry corrected, one cancelled with its
 * reason. Seeded per measure: the same on every load.
 */
export function buildJournalRows(
  now: Date,
  data: {
    measures: Row<typeof measures>[];
    members: Row<typeof householdMembers>[];
    parties: Row<typeof householdParties>[];
  },
): JournalDemoRows {
  const rows: JournalDemoRows = { journalEntries: [], journalEntryChanges: [] };
  for (const m of data.measures) {
    if (!m.startOn || !m.caseworkerUserId || (m.status !== 'active' && m.status !== 'ended')) continue;
    const prng = createPrng(seedOf(`journal:${m.id}`));
    const members = data.members.filter((x) => x.householdId === m.householdId).map((x) => x.id!);
    const partners = [
      ...new Set(
        data.parties
          .filter((p) => p.householdId === m.householdId && p.organisationId !== m.operatorOrganisationId)
          .map((p) => p.organisationId),
      ),
    ];
    const start = Date.parse(m.startOn);
    const end = m.endedOn ? Date.parse(m.endedOn) + DAY : now.getTime() - DAY;
    const months = Math.min(6, Math.floor((now.getTime() - start) / (30 * DAY)));
    const planned: { activity: Activity; at: Date; note?: string }[] = [];
    for (let back = months; back >= 0; back--) {
      const plan = [ACTIVITIES[1]!, ...(back % 2 === 0 ? [ACTIVITIES[0]!] : [ACTIVITIES[2]!])];
      if (prng.next() < 0.5 && partners.length > 0) plan.push(ACTIVITIES[3]!);
      if (prng.next() < 0.3) plan.push(prng.pick([ACTIVITIES[4]!, ACTIVITIES[5]!]));
      for (const activity of plan) {
        const at = dayIn(prng, now, back);
        if (at.getTime() >= start && at.getTime() <= end) planned.push({ activity, at });
      }
    }
    planned.push(...watchVisits(m, now));
    let n = 0;
    for (const { activity, at, note } of planned) {
      const confidential = !note && activity.withMember && prng.next() < 0.12;
      const id = stableId(`journal:${m.id}:${n}`);
      const [low, high] = activity.minutes;
      rows.journalEntries.push({
        id,
        householdId: m.householdId,
        kind: activity.kind,
        occurredAt: at,
        durationMinutes: prng.int(low, high),
        place: activity.place,
        memberIds: activity.withMember && members[0] ? [members[0]] : [],
        partnerOrganisationIds: activity.withPartner ? [prng.pick(partners)!] : [],
        otherParticipants: [],
        referentielVersion: m.referentielVersion,
        briques: m.briques?.length ? [prng.pick(m.briques)] : [],
        objectives: [],
        measureId: m.id,
        note: note ?? (confidential ? prng.pick(CONFIDENTIAL_NOTES) : prng.pick(activity.notes)),
        sensitivity: confidential ? 'confidential' : 'ordinary',
        authorUserId: m.caseworkerUserId,
        authorOrganisationId: m.operatorOrganisationId,
        idempotencyKey: stableId(`journal-key:${m.id}:${n}`),
        // Loaded, not sent by a device: no request to compare a replay with.
        requestDigest: 'démo',
        createdAt: new Date(at.getTime() + 2 * 3_600_000),
        updatedAt: new Date(at.getTime() + 2 * 3_600_000),
      });
      rows.journalEntryChanges.push({
        id: stableId(`journal-change:${m.id}:${n}`),
        entryId: id,
        kind: 'created',
        userId: m.caseworkerUserId,
        organisationId: m.operatorOrganisationId,
        at: new Date(at.getTime() + 2 * 3_600_000),
      });
      n++;
    }
  }
  // One entry corrected the next day, one cancelled as a duplicate: their history shows it.
  const [corrected, cancelled] = rows.journalEntries.filter((e) => e.kind === 'phone_call');
  for (const [entry, kind] of [
    [corrected, 'corrected'],
    [cancelled, 'cancelled'],
  ] as const) {
    if (!entry) continue;
    const at = new Date((entry.createdAt as Date).getTime() + DAY);
    if (kind === 'cancelled')
      Object.assign(entry, { status: 'cancelled', cancelReason: 'Appel saisi deux fois.' });
    Object.assign(entry, { rowVersion: 2, updatedAt: at });
    rows.journalEntryChanges.push({
      id: stableId(`journal-change:${entry.id}:${kind}`),
      entryId: entry.id!,
      kind,
      fields: kind === 'corrected' ? ['durationMinutes'] : [],
      previous: kind === 'corrected' ? { durationMinutes: (entry.durationMinutes as number) + 10 } : null,
      reason: kind === 'cancelled' ? 'Appel saisi deux fois.' : null,
      userId: entry.authorUserId,
      organisationId: entry.authorOrganisationId,
      at,
    });
  }
  return rows;
}
