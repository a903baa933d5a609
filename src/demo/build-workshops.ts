import type { householdParties } from '../modules/households/schema.ts';
import type { journalEntries, journalEntryChanges } from '../modules/journal/schema.ts';
import type { workshopInvitations, workshops } from '../modules/workshops/schema.ts';
import { referentielInForce } from '../modules/referentiel/index.ts';
import type { Attendance } from '../shared/contracts/workshops.ts';
import { addDays, parisDate, parisInstant } from '../shared/time.ts';
import { stableId } from './ids.ts';
import { organisationId, userId } from './territory.ts';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface WorkshopDemoRows {
  workshops: Row<typeof workshops>[];
  workshopInvitations: Row<typeof workshopInvitations>[];
  journalEntries: Row<typeof journalEntries>[];
  journalEntryChanges: Row<typeof journalEntryChanges>[];
}

interface DemoWorkshop {
  key: string;
  theme: string;
  briques: string[];
  /** Days from today (Paris), the session at 14:00. */
  inDays: number;
  place: string;
  /** The attendance of the households invited, in order; none recorded for a workshop to come. */
  attendance: readonly Attendance[];
}

/** Le Passage's collective workshops (fiche-action 6): two held, with their attendance, one to come. */
const WORKSHOPS: readonly DemoWorkshop[] = [
  {
    key: 'recherche',
    theme: 'Recherche collective de logement : lire une annonce, préparer une visite',
    briques: ['2.2'],
    inDays: -35,
    place: 'Le Passage — salle collective',
    attendance: ['present', 'present', 'excused', 'absent'],
  },
  {
    key: 'quartier',
    theme: 'Vie sociale : découvrir les services et associations du quartier',
    briques: ['3.5'],
    inDays: -14,
    place: 'Maison de quartier des Tilleuls',
    attendance: ['present', 'absent', 'present', 'present'],
  },
  {
    key: 'energie',
    theme: 'Économies d’énergie et factures : mieux comprendre sa consommation',
    briques: ['2.2', '3.5'],
    inDays: 9,
    place: 'Le Passage — salle collective',
    attendance: ['invited', 'invited', 'invited', 'invited', 'invited'],
  },
];

/**
 * Le Passage's workshops, run by Camille Roussel for households she follows: the attendance of the
 * past ones written to each present household's journal, as the application writes it.
 */
export function buildWorkshopRows(
  now: Date,
  parties: readonly Row<typeof householdParties>[],
): WorkshopDemoRows {
  const passage = organisationId('passage');
  const camille = userId('passage-cw1');
  const followed = [
    ...new Set(
      parties
        .filter((p) => p.organisationId === passage && p.caseworkerUserId === camille && !p.endedAt)
        .map((p) => p.householdId),
    ),
  ];
  const rows: WorkshopDemoRows = {
    workshops: [],
    workshopInvitations: [],
    journalEntries: [],
    journalEntryChanges: [],
  };
  const today = parisDate(now);
  for (const w of WORKSHOPS) {
    const id = stableId(`workshop:${w.key}`);
    const startsAt = new Date(parisInstant(`${addDays(today, w.inDays)}T14:00`));
    const version = referentielInForce(parisDate(startsAt)).version;
    const recordedAt = new Date(startsAt.getTime() + 3 * 3_600_000);
    rows.workshops.push({
      id,
      organisationId: passage,
      theme: w.theme,
      referentielVersion: version,
      briques: w.briques,
      startsAt,
      durationMinutes: 120,
      place: w.place,
      facilitatorUserIds: [camille],
      createdByUserId: camille,
      createdAt: new Date(startsAt.getTime() - 21 * 86_400_000),
      updatedAt: w.inDays < 0 ? recordedAt : now,
      rowVersion: w.inDays < 0 ? 3 : 2,
    });
    w.attendance.forEach((attendance, i) => {
      const householdId = followed[(i + WORKSHOPS.indexOf(w)) % followed.length];
      if (!householdId) return;
      const entryId = attendance === 'present' ? stableId(`workshop-entry:${w.key}:${householdId}`) : null;
      rows.workshopInvitations.push({ workshopId: id, householdId, attendance, journalEntryId: entryId });
      if (!entryId) return;
      rows.journalEntries.push({
        id: entryId,
        householdId,
        kind: 'workshop',
        occurredAt: startsAt,
        durationMinutes: 120,
        place: w.place,
        referentielVersion: version,
        briques: w.briques,
        note: `Atelier collectif « ${w.theme} »`,
        sensitivity: 'ordinary',
        authorUserId: camille,
        authorOrganisationId: passage,
        idempotencyKey: stableId(`workshop-key:${w.key}:${householdId}`),
        requestDigest: 'démo',
        createdAt: recordedAt,
        updatedAt: recordedAt,
      });
      rows.journalEntryChanges.push({
        id: stableId(`workshop-entry-change:${w.key}:${householdId}`),
        entryId,
        kind: 'created',
        userId: camille,
        organisationId: passage,
        at: recordedAt,
      });
    });
  }
  return rows;
}
