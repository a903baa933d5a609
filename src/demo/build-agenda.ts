import { appointmentParticipants, appointments } from '../modules/agenda/schema.ts';
import type { householdParties } from '../modules/households/schema.ts';
import type { AppointmentKind } from '../shared/contracts/agenda.ts';
import { mondayOf } from '../shared/agenda/rules.ts';
import { addDays, parisDate, parisInstant } from '../shared/time.ts';
import { daysAgo, seedOf } from './dates.ts';
import { householdId, stableId } from './ids.ts';
import { createPrng } from './prng.ts';
import { HOUSEHOLD_SPECS } from './household-specs.ts';
import { communeByKey, demoUser, organisationId, userId } from './territory.ts';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface AgendaDemoRows {
  appointments: Row<typeof appointments>[];
  appointmentParticipants: Row<typeof appointmentParticipants>[];
}

/** A week of a caseworker, slot by slot: day of the week (0 = Monday), Paris time, kind, length. */
const WEEK: readonly [number, string, AppointmentKind, number][] = [
  [0, '09:30', 'home_visit', 60],
  [1, '14:00', 'office_meeting', 45],
  [2, '10:00', 'accompaniment', 120],
  [3, '16:30', 'phone_call', 20],
  [4, '09:00', 'home_visit', 60],
];
const NOTES: Partial<Record<AppointmentKind, string[]>> = {
  home_visit: ['Faire le point sur le budget du mois.', 'Vérifier l’état du logement avec Madame.'],
  office_meeting: ['Préparer le dossier FSL.', 'Relire le contrat d’accompagnement.'],
  accompaniment: ['Rendez-vous à la CAF pour la révision des droits.', 'Audience au tribunal judiciaire.'],
  phone_call: ['Rappeler au sujet de la facture d’énergie.'],
};
const ACCOMPANIMENT_PLACES = [
  'CAF, 12 avenue de la Gare',
  'Tribunal judiciaire, place du Palais',
  'Mairie, service logement',
];

/**
 * The current and next weeks of every demo caseworker, counted from the load date: a home visit, an
 * office meeting, an accompaniment, a call and a second visit with the households they follow
 * (with a partner of the file at the office meeting), and a partner meeting with no household.
 * What is past is done (or, once, missed); the rest is planned.
 */
export function buildAgendaRows(now: Date, parties: readonly Row<typeof householdParties>[]): AgendaDemoRows {
  const rows: AgendaDemoRows = { appointments: [], appointmentParticipants: [] };
  const monday = mondayOf(parisDate(now));
  const byWorker = new Map<string, typeof HOUSEHOLD_SPECS>();
  for (const spec of HOUSEHOLD_SPECS.filter((s) => s.followedBy && !s.closed))
    byWorker.set(spec.followedBy!, [...(byWorker.get(spec.followedBy!) ?? []), spec]);

  for (const [worker, specs] of byWorker) {
    const org = demoUser(worker).org;
    const prng = createPrng(seedOf(`agenda:${worker}`));
    let missed = false;
    for (const week of [0, 1]) {
      const slots = WEEK.map(([day, time, kind, minutes], i) => ({
        day,
        time,
        kind,
        minutes,
        spec: specs[(week * 5 + i) % specs.length]!,
      }));
      for (const [i, slot] of slots.entries()) {
        const startsAt = new Date(parisInstant(`${addDays(monday, week * 7 + slot.day)}T${slot.time}`));
        const endsAt = new Date(startsAt.getTime() + slot.minutes * 60_000);
        const past = endsAt < now;
        const status = past && !missed && slot.kind === 'home_visit' ? 'missed' : past ? 'done' : 'planned';
        if (status === 'missed') missed = true;
        const hId = householdId(slot.spec.key);
        const id = stableId(`appointment:${worker}:${week}:${i}`);
        const notes = NOTES[slot.kind] ?? [];
        rows.appointments.push({
          id,
          organisationId: organisationId(org),
          householdId: hId,
          kind: slot.kind,
          status,
          startsAt,
          endsAt,
          place:
            slot.kind === 'home_visit'
              ? `Domicile, ${communeByKey(slot.spec.commune).name}`
              : slot.kind === 'accompaniment'
                ? prng.pick(ACCOMPANIMENT_PLACES)
                : slot.kind === 'office_meeting'
                  ? 'Bureau de l’association'
                  : null,
          note: notes.length > 0 ? prng.pick(notes) : null,
          createdByUserId: userId(worker),
          createdAt: daysAgo(now, 10 - week * 3),
          updatedAt: daysAgo(now, 10 - week * 3),
        });
        rows.appointmentParticipants.push(
          { id: stableId(`${id}:user`), appointmentId: id, userId: userId(worker) },
          {
            id: stableId(`${id}:member`),
            appointmentId: id,
            memberId: stableId(`member:${slot.spec.key}:0`),
          },
        );
        const partner = parties.find(
          (p) => p.householdId === hId && p.organisationId !== organisationId(org) && !p.endedAt,
        );
        if (slot.kind === 'office_meeting' && partner)
          rows.appointmentParticipants.push({
            id: stableId(`${id}:partner`),
            appointmentId: id,
            organisationId: partner.organisationId,
          });
      }
      // A partner meeting, Thursday morning, with no household.
      const id = stableId(`appointment:${worker}:${week}:partners`);
      const startsAt = new Date(parisInstant(`${addDays(monday, week * 7 + 3)}T10:00`));
      rows.appointments.push({
        id,
        organisationId: organisationId(org),
        householdId: null,
        kind: 'partner_meeting',
        status: startsAt < now ? 'done' : 'planned',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 90 * 60_000),
        place: 'Maison de l’habitat, Saint-Aubin-sur-Brenne',
        note: 'Réunion de coordination des accompagnements du secteur.',
        createdByUserId: userId(worker),
        createdAt: daysAgo(now, 14),
        updatedAt: daysAgo(now, 14),
      });
      rows.appointmentParticipants.push(
        { id: stableId(`${id}:user`), appointmentId: id, userId: userId(worker) },
        { id: stableId(`${id}:habitat`), appointmentId: id, organisationId: organisationId('habitat') },
      );
    }
  }
  return rows;
}
