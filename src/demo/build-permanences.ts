import type { permanenceSlots, permanenceVisits } from '../modules/permanences/schema.ts';
import { referentielInForce } from '../modules/referentiel/index.ts';
import type { AgeBand } from '../shared/contracts/permanences.ts';
import { occurrencesBetween, type SlotRule } from '../shared/permanences/rules.ts';
import { addDays, parisDate } from '../shared/time.ts';
import { stableId } from './ids.ts';
import { organisationId, userId } from './territory.ts';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface PermanenceDemoRows {
  permanenceSlots: Row<typeof permanenceSlots>[];
  permanenceVisits: Row<typeof permanenceVisits>[];
}

interface DemoVisit {
  /** Which past occurrence: 0 the latest held, 1 the one before… */
  occurrence: number;
  /** Minutes after the opening. */
  at: number;
  durationMinutes: number;
  firstName: string | null;
  ageBand: AgeBand | null;
  commune: string;
  phone: string | null;
  briques: string[];
  advice: string;
  steps: { text: string; inDays: number | null }[];
}

/** Walk-ins of the last three Tuesdays, as a CESF of fiche-action 9 would note them. */
const VISITS: readonly DemoVisit[] = [
  {
    occurrence: 0,
    at: 10,
    durationMinutes: 45,
    firstName: 'Sandrine',
    ageBand: 'from_40_to_59',
    commune: 'Saint-Aubin-sur-Brenne',
    phone: '06 99 41 27 80',
    briques: ['2.5', '3.3'],
    advice:
      'Trois mois de loyer impayés depuis une baisse d’activité. Expliqué le plan d’apurement et l’aide du FSL ; proposé de préparer la demande ensemble.',
    steps: [
      { text: 'Appeler le bailleur pour proposer un échéancier', inDays: 3 },
      { text: 'Rassembler les trois derniers bulletins de salaire et l’avis d’imposition', inDays: 7 },
    ],
  },
  {
    occurrence: 0,
    at: 70,
    durationMinutes: 30,
    firstName: null,
    ageBand: 'under_25',
    commune: 'Montreval',
    phone: null,
    // No consent: only counted (age band, commune, topic), nothing written about the person.
    briques: ['2.1'],
    advice: '',
    steps: [],
  },
  {
    occurrence: 1,
    at: 20,
    durationMinutes: 60,
    firstName: 'M. K.',
    ageBand: 'from_60',
    commune: 'Saint-Aubin-sur-Brenne',
    phone: '07 99 12 58 33',
    briques: ['2.5'],
    advice:
      'Assignation reçue : expliqué le déroulement de la procédure, l’audience et l’aide juridictionnelle ; conseillé de se présenter à l’audience.',
    steps: [
      { text: 'Demander l’aide juridictionnelle', inDays: 5 },
      { text: 'Prendre contact avec la conseillère sociale du bailleur', inDays: 10 },
    ],
  },
  {
    occurrence: 2,
    at: 45,
    durationMinutes: 25,
    firstName: 'Karim',
    ageBand: 'from_25_to_39',
    commune: 'Saint-Aubin-sur-Brenne',
    phone: null,
    briques: ['3.3'],
    advice: 'Budget revu ensemble : les charges d’énergie pèsent ; informé du chèque énergie.',
    steps: [{ text: 'Vérifier la réception du chèque énergie', inDays: 14 }],
  },
];

/**
 * Le Passage's weekly drop-in session (fiche-action 9), Tuesday afternoons at its office, staffed by
 * Camille Roussel and Thomas Lefèvre, with the walk-ins of its last three sessions: one anonymous (no
 * consent: counted only — no name, no contact, no text about the person), none turned into a file yet.
 */
export function buildPermanenceRows(now: Date): PermanenceDemoRows {
  const passage = organisationId('passage');
  const camille = userId('passage-cw1');
  const today = parisDate(now);
  const slot: SlotRule & { id: string } = {
    id: stableId('permanence:passage-mardi'),
    weekday: 2,
    startTime: '14:00',
    endTime: '17:00',
    everyWeeks: 1,
    fromDate: addDays(today, -120),
    untilDate: null,
  };
  const place = 'Le Passage — accueil, 17 rue Jean-Jaurès';
  const held = occurrencesBetween(slot, addDays(today, -35), today)
    .filter((o) => o.endsAt.getTime() < now.getTime())
    .reverse();
  const rows: PermanenceDemoRows = {
    permanenceSlots: [
      {
        ...slot,
        organisationId: passage,
        place,
        staffUserIds: [camille, userId('passage-cw2')],
        createdByUserId: userId('passage-manager'),
        createdAt: new Date(now.getTime() - 121 * 86_400_000),
        updatedAt: new Date(now.getTime() - 121 * 86_400_000),
      },
    ],
    permanenceVisits: [],
  };
  VISITS.forEach((v, i) => {
    const occurrence = held[v.occurrence];
    if (!occurrence) return;
    const occurredAt = new Date(occurrence.startsAt.getTime() + v.at * 60_000);
    const recordedAt = new Date(occurredAt.getTime() + v.durationMinutes * 60_000);
    rows.permanenceVisits.push({
      id: stableId(`permanence-visit:${i}`),
      organisationId: passage,
      slotId: slot.id,
      occurrenceDate: occurrence.date,
      occurredAt,
      durationMinutes: v.durationMinutes,
      consent: v.firstName ? 'given' : 'refused',
      firstName: v.firstName,
      ageBand: v.ageBand,
      commune: v.commune,
      phone: v.firstName ? v.phone : null,
      referentielVersion: referentielInForce(occurrence.date).version,
      briques: v.briques,
      advice: v.firstName ? v.advice : null,
      steps: (v.firstName ? v.steps : []).map((s) => ({
        text: s.text,
        dueOn: s.inDays === null ? null : addDays(occurrence.date, s.inDays),
      })),
      recordedByUserId: camille,
      createdAt: recordedAt,
      updatedAt: recordedAt,
    });
  });
  return rows;
}
