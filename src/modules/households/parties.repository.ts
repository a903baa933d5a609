import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { Actor } from '../../kernel/actor.ts';
import { notFound } from '../../kernel/errors.ts';
import { householdAccessLevel, type HouseholdAccessLevel } from '../../shared/policy/household-access.ts';
import type { PartyBasis } from '../../shared/contracts/household-enums.ts';
import { householdParties, households } from './schema.ts';

/** The organisations with current access to a household, and why. */
export async function activeParties(q: Queryable, householdId: string) {
  return q
    .select({
      id: householdParties.id,
      organisationId: householdParties.organisationId,
      basis: householdParties.basis,
      sourceId: householdParties.sourceId,
      caseworkerUserId: householdParties.caseworkerUserId,
      startedAt: householdParties.startedAt,
    })
    .from(householdParties)
    .where(and(eq(householdParties.householdId, householdId), isNull(householdParties.endedAt)));
}

/**
 * The actor's access level to a household. An unknown id and a household the actor may not see
 * answer the same 404, so that nothing leaks about other organisations' files.
 * `unverifiedHouseholdId` comes straight from the request.
 */
export async function requireHouseholdAccess(
  q: Queryable,
  actor: Actor,
  unverifiedHouseholdId: string,
): Promise<HouseholdAccessLevel> {
  const parties = await activeParties(q, unverifiedHouseholdId);
  const level = householdAccessLevel(actor, parties);
  if (level === 'none') throw notFound('Dossier introuvable.');
  return level;
}

/** Records a basis of access; the same organisation, basis and source is recorded once. */
export async function addParty(
  q: Queryable,
  input: {
    householdId: string;
    organisationId: string;
    basis: PartyBasis;
    sourceId?: string | null;
    caseworkerUserId?: string | null;
    at: Date;
  },
): Promise<void> {
  const existing = await q
    .select({ id: householdParties.id })
    .from(householdParties)
    .where(
      and(
        eq(householdParties.householdId, input.householdId),
        eq(householdParties.organisationId, input.organisationId),
        eq(householdParties.basis, input.basis),
        input.sourceId ? eq(householdParties.sourceId, input.sourceId) : isNull(householdParties.sourceId),
        isNull(householdParties.endedAt),
      ),
    );
  if (existing.length > 0) return;
  await q.insert(householdParties).values({
    householdId: input.householdId,
    organisationId: input.organisationId,
    basis: input.basis,
    sourceId: input.sourceId ?? null,
    caseworkerUserId: input.caseworkerUserId ?? null,
    startedAt: input.at,
  });
}

/** Ends the access that rests on one source (a revoked consent, a closed referral). */
export async function endPartiesFromSource(
  q: Queryable,
  input: { householdId: string; sourceId: string; reason: string; at: Date },
): Promise<void> {
  await q
    .update(householdParties)
    .set({ endedAt: input.at, endedReason: input.reason })
    .where(
      and(
        eq(householdParties.householdId, input.householdId),
        eq(householdParties.sourceId, input.sourceId),
        isNull(householdParties.endedAt),
      ),
    );
}

/** SQL condition: the household has an active party for this organisation (tenant scoping in lists). */
export const householdVisibleTo = (organisationId: string) =>
  and(
    eq(householdParties.householdId, households.id),
    eq(householdParties.organisationId, organisationId),
    isNull(householdParties.endedAt),
  );
