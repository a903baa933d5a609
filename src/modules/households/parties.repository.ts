import { and, asc, eq, isNull } from 'drizzle-orm';
import { organisations } from '../organisations/schema.ts';
import { users } from '../identity/schema.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { PartyBasis } from '../../shared/contracts/household-enums.ts';
import { householdConsents, householdParties } from './schema.ts';
import { partyIsCurrent } from './access-guard.ts';

/** Records a basis of access; the same organisation, basis and source is recorded once. */
export async function addParty(
  q: Queryable,
  input: {
    householdId: string;
    organisationId: string;
    basis: PartyBasis;
    sourceId?: string | null;
    /** The household's agreement a referral basis rests on (a consent basis rests on its source). */
    consentId?: string | null;
    caseworkerUserId?: string | null;
    /** The consent's validity, for a consent basis. */
    validity?: { from: string; until: string | null };
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
    consentId: input.basis === 'consent' ? (input.sourceId ?? null) : (input.consentId ?? null),
    caseworkerUserId: input.caseworkerUserId ?? null,
    validFrom: input.validity?.from ?? null,
    validUntil: input.validity?.until ?? null,
    startedAt: input.at,
  });
}

/**
 * Ends every access that rests on a consent (a withdrawn consent): the consent's own party and the
 * parties of the referrals the household agreed to with it.
 */
export async function endPartiesRestingOn(
  q: Queryable,
  input: { householdId: string; consentId: string; reason: string; at: Date },
): Promise<void> {
  await q
    .update(householdParties)
    .set({ endedAt: input.at, endedReason: input.reason })
    .where(
      and(
        eq(householdParties.householdId, input.householdId),
        eq(householdParties.consentId, input.consentId),
        isNull(householdParties.endedAt),
      ),
    );
}

/** The parties of one source (a referral) rest from now on the household's agreement to it. */
export async function restPartiesOnConsent(
  q: Queryable,
  input: { householdId: string; sourceId: string; consentId: string },
): Promise<void> {
  await q
    .update(householdParties)
    .set({ consentId: input.consentId })
    .where(
      and(eq(householdParties.householdId, input.householdId), eq(householdParties.sourceId, input.sourceId)),
    );
}

/** Ends one organisation's access on one basis (e.g. the former landlord of the dwelling). */
export async function endParty(
  q: Queryable,
  input: { householdId: string; organisationId: string; basis: PartyBasis; reason: string; at: Date },
): Promise<void> {
  await q
    .update(householdParties)
    .set({ endedAt: input.at, endedReason: input.reason })
    .where(
      and(
        eq(householdParties.householdId, input.householdId),
        eq(householdParties.organisationId, input.organisationId),
        eq(householdParties.basis, input.basis),
        isNull(householdParties.endedAt),
      ),
    );
}

/**
 * The landlord of the household's dwelling is a party on the basis own_tenant: when the file's
 * landlord changes, the former one loses that access. The new one gains it only on its own record
 * (the landlord itself opens or edits its tenant's file, or refers it): naming an organisation as
 * landlord in someone else's edit gives it no access — that takes the household's consent.
 */
export async function syncLandlordParty(
  q: Queryable,
  input: {
    householdId: string;
    before: string | null;
    after: string | null;
    /** The organisation recording the change. */
    recordedBy: string;
    at: Date;
  },
): Promise<void> {
  if (input.before === input.after) return;
  if (input.before) {
    await endParty(q, {
      householdId: input.householdId,
      organisationId: input.before,
      basis: 'own_tenant',
      reason: "Le ménage n'est plus locataire de ce bailleur.",
      at: input.at,
    });
  }
  if (input.after && input.after === input.recordedBy) {
    await addParty(q, {
      householdId: input.householdId,
      organisationId: input.after,
      basis: 'own_tenant',
      at: input.at,
    });
  }
}

/** Current parties with their organisation and caseworker, for the file's "parties" panel. */
export async function currentPartyRows(q: Queryable, householdId: string, at: Date) {
  return q
    .select({
      id: householdParties.id,
      organisationId: householdParties.organisationId,
      organisationName: organisations.name,
      organisationType: organisations.type,
      basis: householdParties.basis,
      since: householdParties.startedAt,
      caseworkerUserId: householdParties.caseworkerUserId,
      caseworkerName: users.fullName,
      consentId: householdParties.consentId,
      consentGivenOn: householdConsents.validFrom,
    })
    .from(householdParties)
    .innerJoin(organisations, eq(organisations.id, householdParties.organisationId))
    .leftJoin(users, eq(users.id, householdParties.caseworkerUserId))
    .leftJoin(householdConsents, eq(householdConsents.id, householdParties.consentId))
    .where(and(eq(householdParties.householdId, householdId), partyIsCurrent(at)))
    .orderBy(asc(householdParties.startedAt));
}
