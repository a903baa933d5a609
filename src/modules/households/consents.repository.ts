import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { TConsentTerms } from '../../shared/contracts/households.ts';
import { organisations } from '../organisations/schema.ts';
import { users } from '../identity/schema.ts';
import { addParty } from './parties.repository.ts';
import { householdConsents } from './schema.ts';

/**
 * Records a household's consent to one organisation and the party it grounds (sourceId = the
 * consent), in the caller's transaction. A party on a consent counts only while the consent is in
 * force (see partyIsCurrent).
 */
export async function insertConsentWithParty(
  q: Queryable,
  input: {
    householdId: string;
    organisationId: string;
    terms: TConsentTerms;
    actor: Pick<Actor, 'userId' | 'organisationId'>;
    caseworkerUserId: string | null;
    at: Date;
  },
): Promise<string> {
  const [consent] = await q
    .insert(householdConsents)
    .values({
      householdId: input.householdId,
      organisationId: input.organisationId,
      purpose: input.terms.purpose,
      purposeDetail: input.terms.purposeDetail ?? null,
      validFrom: input.terms.validFrom,
      validUntil: input.terms.validUntil ?? null,
      method: input.terms.method,
      witnessName: input.terms.witnessName ?? null,
      recordedByUserId: input.actor.userId,
      recordedByOrganisationId: input.actor.organisationId,
      recordedAt: input.at,
    })
    .returning({ id: householdConsents.id });
  await addParty(q, {
    householdId: input.householdId,
    organisationId: input.organisationId,
    basis: 'consent',
    sourceId: consent!.id,
    caseworkerUserId: input.caseworkerUserId,
    validity: { from: input.terms.validFrom, until: input.terms.validUntil ?? null },
    at: input.at,
  });
  return consent!.id;
}

export async function findConsent(q: Queryable, householdId: string, consentId: string) {
  const [row] = await q
    .select()
    .from(householdConsents)
    .where(and(eq(householdConsents.id, consentId), eq(householdConsents.householdId, householdId)));
  return row ?? null;
}

export async function markConsentRevoked(
  q: Queryable,
  input: { consentId: string; userId: string; reason: string; at: Date },
) {
  await q
    .update(householdConsents)
    .set({ revokedAt: input.at, revokedByUserId: input.userId, revocationReason: input.reason })
    .where(eq(householdConsents.id, input.consentId));
}

export async function consentRows(q: Queryable, householdId: string) {
  return q
    .select({
      consent: householdConsents,
      organisationName: organisations.name,
      recordedByName: users.fullName,
    })
    .from(householdConsents)
    .innerJoin(organisations, eq(organisations.id, householdConsents.organisationId))
    .leftJoin(users, eq(users.id, householdConsents.recordedByUserId))
    .where(eq(householdConsents.householdId, householdId))
    .orderBy(desc(householdConsents.recordedAt));
}
