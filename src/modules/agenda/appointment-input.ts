import type { z } from 'zod';
import type { Context } from '../../kernel/context.ts';
import { invalid, type FieldErrors } from '../../kernel/errors.ts';
import type { ZAppointmentCreate } from '../../shared/contracts/agenda.ts';
import { slotErrors } from '../../shared/agenda/rules.ts';
import { activeParties } from '../households/index.ts';
import { agendaPeople, existingOrganisations, membersOfHousehold, overlapping } from './agenda.repository.ts';

export type AppointmentInput = z.output<typeof ZAppointmentCreate>;

/** The kinds that need a household: one visits or accompanies someone. */
const NEEDS_HOUSEHOLD = new Set<AppointmentInput['kind']>(['home_visit', 'accompaniment']);

/** An appointment's values, checked: the slot, the people (of the organisation, of the file, parties). */
export interface CheckedAppointment {
  values: {
    kind: AppointmentInput['kind'];
    startsAt: Date;
    endsAt: Date;
    place: string | null;
    note: string | null;
  };
  people: { userIds: string[]; memberIds: string[]; organisationIds: string[] };
}

const unique = (ids: string[]) => [...new Set(ids)];

/**
 * Checks an appointment's input, every field at once, in French; the people default to the one
 * who plans it.
 */
export async function checkAppointment(
  ctx: Context,
  input: AppointmentInput,
  options: { householdId: string | null; planningNew: boolean },
): Promise<CheckedAppointment> {
  const { db, actor, now } = ctx;
  const slot = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
  const errors: FieldErrors = { ...slotErrors(slot, { now, planningNew: options.planningNew }) };
  const userIds = unique(input.userIds.length > 0 ? input.userIds : [actor.userId]);
  const memberIds = unique(input.memberIds);
  const organisationIds = unique(input.organisationIds).filter((id) => id !== actor.organisationId);

  if (!options.householdId && NEEDS_HOUSEHOLD.has(input.kind))
    errors.kind =
      'Une visite à domicile ou un accompagnement concerne un ménage : planifiez-le depuis son dossier.';
  const people = new Set((await agendaPeople(db, actor.organisationId)).map((p) => p.id));
  if (userIds.some((id) => !people.has(id)))
    errors.userIds = 'Choisissez les intervenants parmi les travailleurs sociaux de votre organisation.';
  if (memberIds.length > 0) {
    const members = new Set(
      options.householdId ? (await membersOfHousehold(db, options.householdId)).map((m) => m.id) : [],
    );
    if (memberIds.some((id) => !members.has(id)))
      errors.memberIds = 'Choisissez les participants parmi les membres du ménage.';
  }
  if (organisationIds.length > 0) {
    const allowed = new Set(
      options.householdId
        ? (await activeParties(db, options.householdId, now)).map((p) => p.organisationId)
        : (await existingOrganisations(db, organisationIds)).map((o) => o.id),
    );
    if (organisationIds.some((id) => !allowed.has(id)))
      errors.organisationIds = options.householdId
        ? 'Un partenaire invité doit être partie au dossier du ménage.'
        : 'Organisation inconnue.';
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return {
    values: {
      kind: input.kind,
      ...slot,
      place: input.place?.trim() || null,
      note: input.note?.trim() || null,
    },
    people: { userIds, memberIds, organisationIds },
  };
}

/**
 * The planned appointments of the same people that the slot overlaps: a warning, not a refusal —
 * a caseworker may well take a call during a drop-in, or join a colleague's visit on the way.
 */
export async function overlapsWith(ctx: Context, checked: CheckedAppointment, except: string | null) {
  const rows = await overlapping(ctx.db, {
    userIds: checked.people.userIds,
    startsAt: checked.values.startsAt,
    endsAt: checked.values.endsAt,
    except,
  });
  return rows.map((r) => ({
    userName: r.userName,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
  }));
}
