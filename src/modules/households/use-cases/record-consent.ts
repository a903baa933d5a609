import { eq } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, notFound } from '../../../kernel/errors.ts';
import type { TConsentTerms } from '../../../shared/contracts/households.ts';
import { canManageConsents } from '../../../shared/access/household-access.ts';
import { organisations } from '../../organisations/schema.ts';
import { insertConsentWithParty } from '../consents.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

/** Records the household's consent to an organisation, which thereby becomes a party. */
export async function recordConsent(
  ctx: Context,
  input: TConsentTerms & { householdId: string; organisationId: string },
): Promise<{ id: string }> {
  const { actor, db } = ctx;
  const level = await requireHouseholdAccess(ctx, input.householdId);
  if (!canManageConsents(level))
    throw forbidden('Les accords du ménage sont recueillis par les travailleurs sociaux.');
  const { householdId, organisationId, ...terms } = input;
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!org) throw notFound('Organisation introuvable.');
  const id = await insertConsentWithParty(db, {
    householdId,
    organisationId,
    terms,
    actor,
    caseworkerUserId: null,
    at: ctx.now,
  });
  await audit(db, actor, {
    action: 'household.consent.record',
    entityType: 'household_consent',
    entityId: id,
    householdId,
    details: { organisationId, purpose: terms.purpose, method: terms.method },
  });
  return { id };
}
