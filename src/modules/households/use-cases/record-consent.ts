import { eq } from 'drizzle-orm';
import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, notFound } from '../../../kernel/errors.ts';
import type { TConsentTerms } from '../../../shared/contracts/households.ts';
import { canManageConsents } from '../../../shared/access/household-access.ts';
import { organisations } from '../../organisations/schema.ts';
import { insertConsentWithParty } from '../consents.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

/** Records the household's consent to an organisation, which thereby becomes a party. */
export async function recordConsent({
  tx,
  actor,
  householdId,
  input,
  now,
}: {
  tx: Queryable;
  actor: Actor;
  householdId: string;
  input: TConsentTerms & { organisationId: string };
  now: Date;
}): Promise<{ id: string }> {
  const level = await requireHouseholdAccess({ db: tx, actor, now }, householdId);
  if (!canManageConsents(level))
    throw forbidden('Les accords du ménage sont recueillis par les travailleurs sociaux.');
  const { organisationId, ...terms } = input;
  const [org] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!org) throw notFound('Organisation introuvable.');
  const id = await insertConsentWithParty(tx, {
    householdId,
    organisationId,
    terms,
    actor,
    caseworkerUserId: null,
    at: now,
  });
  await audit(tx, actor, {
    action: 'household.consent.record',
    entityType: 'household_consent',
    entityId: id,
    householdId,
    details: { organisationId, purpose: terms.purpose, method: terms.method },
  });
  return { id };
}
