import { ROLE_GROUPS } from '../../../shared/access/role-groups.ts';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, forbidden, invalid, type FieldErrors } from '../../../kernel/errors.ts';
import { REFERRAL_KIND_LABELS } from '../../../shared/contracts/referral-enums.ts';
import { futureDateIssues, ZHouseholdCreate } from '../../../shared/contracts/households.ts';
import {
  formatReferralNumber,
  type TReferralCreate,
  type TReferralNewHousehold,
} from '../../../shared/contracts/referrals.ts';
import {
  canReceiveReferral,
  maintenanceNeedsOwnTenant,
  referralRefusal,
} from '../../../shared/access/referral-policy.ts';
import {
  activeParties,
  addParty,
  createHousehold,
  recordEvictionStep,
  recordHouseholdAgreement,
  recordRentArrears,
  requireHouseholdAccess,
} from '../../households/index.ts';
import { parisDate } from '../../../shared/time.ts';
import { notifyOrganisation } from '../../notifications/index.ts';
import {
  findManagementUnitOf,
  findOpenReferral,
  findOrganisation,
  insertReferral,
  insertReferralEvent,
} from '../referrals.repository.ts';
import { referralLink } from '../referral-transition.ts';

/**
 * An organisation refers a household to an association for the kinds its type sends
 * (REFERRAL_KINDS_SENT_BY: a landlord its tenant for maintenance, the SIAO for access, the CCAPEX
 * for maintenance…). The referring organisation must already be a party to the household, or creates its file
 * here; either way it becomes a party on the basis of this referral. A landlord's referral of a tenant
 * its arrears file flagged names the tenant's contract, which is attached to the household's file. The
 * referral, its first event, the audit entry and the receiving organisation's notifications are written
 * together.
 */
export async function createReferral(
  ctx: Context,
  input: TReferralCreate,
  contracts?: ReferredContractPort,
): Promise<{ id: string; householdId: string }> {
  const { actor, now } = ctx;
  const tx = ctx.db;
  const refusal = referralRefusal(actor, input.kind);
  if (refusal) throw forbidden(refusal);
  const target = await findOrganisation(tx, input.toOrganisationId);
  if (
    !target ||
    !target.active ||
    !canReceiveReferral(input.kind, target.type) ||
    target.id === actor.organisationId
  ) {
    throw invalid({ toOrganisationId: 'Choisissez une association destinataire.' });
  }
  const managementUnitId = input.kind === 'maintenance' ? await referringUnit(tx, actor, input) : null;
  // A tenant flagged by the landlord's arrears file: its contract, which only its lessor refers from.
  const contractId = input.kind === 'maintenance' ? (input.occupancyContractId ?? null) : null;
  if (contractId) {
    if (!contracts) throw invalid({ occupancyContractId: 'Cette saisine ne peut pas partir d’un contrat.' });
    await contracts.check(ctx, contractId);
  }

  const referralId = randomUUID();
  let householdId: string;
  if (input.householdId) {
    householdId = input.householdId;
    await requireHouseholdAccess(ctx, householdId);
    if (input.kind === 'maintenance' && maintenanceNeedsOwnTenant(actor.organisationType)) {
      await requireOwnTenant(ctx, householdId);
    }
    await refuseDuplicate(tx, householdId, target.id);
    await addParty(tx, {
      householdId,
      organisationId: actor.organisationId,
      basis: 'referral_made',
      sourceId: referralId,
      at: now,
    });
  } else if (input.newHousehold) {
    // The file opens with the referrer as a party on the basis of this referral; for a landlord's
    // tenant, as the dwelling's landlord too (own_tenant), an access that outlives the referral.
    householdId = (
      await createHousehold(ctx, {
        file: newHouseholdFile(input, input.newHousehold, actor, managementUnitId, now),
        basis: { kind: 'referral_made', referralId },
      })
    ).id;
  } else {
    throw invalid({ householdId: 'Choisissez un ménage suivi ou décrivez le nouveau ménage.' });
  }

  // What the referral reports lands in the household's file, the one place it is kept.
  const arrearsDebtId =
    input.kind === 'maintenance' && input.reasons.includes('arrears') && input.arrears
      ? ((
          await recordRentArrears(ctx, {
            householdId,
            creditor: actor.organisationName,
            amountCents: input.arrears.amountCents,
            unpaidMonths: input.arrears.months,
          })
        ).rowId ?? null)
      : null;
  if (input.kind === 'maintenance' && input.reasons.includes('eviction_procedure') && input.eviction) {
    await recordEvictionStep(ctx, {
      householdId,
      ...input.eviction,
      source: { type: 'referral', id: referralId },
    });
  }
  const agreementConsentId = input.householdAgreement
    ? (
        await recordHouseholdAgreement(ctx, {
          householdId,
          stepId: referralId,
          purposeDetail: `Saisine de ${target.name}`,
          ...input.householdAgreement,
        })
      ).id
    : null;

  const referral = await insertReferral(tx, {
    id: referralId,
    kind: input.kind,
    householdId,
    fromOrganisationId: actor.organisationId,
    fromManagementUnitId: managementUnitId,
    fromUserId: actor.userId,
    toOrganisationId: target.id,
    freeText: input.freeText ?? null,
    arrearsDebtId,
    agreementConsentId,
    ...(input.kind === 'maintenance'
      ? { reasons: input.reasons }
      : {
          readyToLeave: input.readyToLeave,
          shelteredSince: input.shelteredSince ?? null,
          housingProject: input.housingProject,
        }),
    createdAt: now,
    updatedAt: now,
  });
  // The contract joins the household's file in the same transaction (audited with its event).
  if (contractId) await contracts!.attach(ctx, { contractId, householdId, referralId });
  await insertReferralEvent(tx, {
    referralId,
    type: 'sent',
    at: now,
    userId: actor.userId,
    organisationId: actor.organisationId,
    detail: { toOrganisationId: target.id, toOrganisationName: target.name },
  });
  await audit(tx, actor, {
    action: 'referral.create',
    entityType: 'referral',
    entityId: referralId,
    householdId,
    details: { kind: input.kind, toOrganisationId: target.id, newHousehold: !input.householdId },
  });
  await notifyReceivedReferral(tx, {
    referral,
    fromOrganisationName: actor.organisationName,
    toOrganisationId: target.id,
  });
  return { id: referralId, householdId };
}

/**
 * What the leases module does for a referral that names the tenant's contract (wired in app.ts, the
 * leases module depending on this one): refuses a contract the actor may not refer from, and attaches
 * it to the household's file, recording which contract the referral is about.
 */
export interface ReferredContractPort {
  check(ctx: Context, contractId: string): Promise<unknown>;
  attach(ctx: Context, input: { contractId: string; householdId: string; referralId: string }): Promise<void>;
}

/** Tells the members who decide on incoming referrals; no household detail, as it leaves by email too. */
export async function notifyReceivedReferral(
  tx: Queryable,
  input: {
    referral: { id: string; number: number; kind: TReferralCreate['kind'] };
    fromOrganisationName: string;
    toOrganisationId: string;
  },
): Promise<void> {
  const number = formatReferralNumber(input.referral.number);
  await notifyOrganisation(tx, {
    organisationId: input.toOrganisationId,
    roles: [...ROLE_GROUPS.referralDeciders],
    kind: 'referral.received',
    title: `Nouvelle saisine ${number} de ${input.fromOrganisationName}`,
    body: `${input.fromOrganisationName} vous adresse une saisine (${REFERRAL_KIND_LABELS[input.referral.kind].toLowerCase()}). Elle attend votre réponse dans la boîte de réception des saisines.`,
    link: referralLink(input.referral.id),
  });
}

/** The landlord's agence behind the referral: the one chosen, else the user's own. */
async function referringUnit(
  tx: Queryable,
  actor: Actor,
  input: Extract<TReferralCreate, { kind: 'maintenance' }>,
): Promise<string | null> {
  if (!input.managementUnitId) return actor.managementUnitId;
  const unit = await findManagementUnitOf(tx, input.managementUnitId, actor.organisationId);
  if (!unit) throw invalid({ managementUnitId: 'Agence inconnue de votre organisme.' });
  return unit.id;
}

/** A landlord refers for maintenance only a household it is the landlord of. */
async function requireOwnTenant(ctx: Context, householdId: string): Promise<void> {
  const parties = await activeParties(ctx.db, householdId, ctx.now);
  if (!parties.some((p) => p.organisationId === ctx.actor.organisationId && p.basis === 'own_tenant')) {
    throw forbidden('Un bailleur adresse une saisine de maintien pour ses propres locataires.');
  }
}

/** One open referral per household and receiving organisation at a time. */
async function refuseDuplicate(tx: Queryable, householdId: string, toOrganisationId: string): Promise<void> {
  const open = await findOpenReferral(tx, householdId, toOrganisationId);
  if (open) {
    throw new AppError(
      'CONFLICT',
      `Une saisine est déjà en cours pour ce ménage auprès de cette association (${formatReferralNumber(open.number)}).`,
    );
  }
}

const TENANCY_FORM_FIELDS: Record<string, string> = {
  address: 'dwellingAddress',
  tenantReference: 'tenantReference',
  monthlyRentCents: 'monthlyRentCents',
  monthlyChargesCents: 'monthlyChargesCents',
};

/** The household file created from the referral form, checked by the household file's own rules. */
function newHouseholdFile(
  input: TReferralCreate,
  h: TReferralNewHousehold,
  actor: Actor,
  managementUnitId: string | null,
  now: Date,
) {
  const housingSince = input.kind === 'access' ? input.shelteredSince : undefined;
  const { dwellingAddress, tenantReference, monthlyRentCents, monthlyChargesCents, ...contact } = h;
  const file = {
    ...contact,
    housingSituation: h.housingSituation ?? 'social_tenant',
    housingSince,
    // The dwelling the household occupies, let by the referrer when a landlord refers its own tenant
    // (another referrer, the CCAPEX say, does not name the landlord); the commune follows the postcode.
    tenancy:
      input.kind === 'maintenance' && dwellingAddress
        ? {
            address: dwellingAddress,
            landlordOrganisationId: actor.organisationType === 'landlord' ? actor.organisationId : null,
            managementUnitId,
            tenantReference,
            monthlyRentCents,
            monthlyChargesCents,
          }
        : null,
  };
  const parsed = ZHouseholdCreate.safeParse(file);
  const fields: FieldErrors = {};
  for (const issue of parsed.error?.issues ?? []) {
    // The form names the tenancy's fields as the household's own (newHousehold.dwellingAddress…).
    const [head, key] = issue.path.map(String);
    const path =
      head === 'tenancy' ? [TENANCY_FORM_FIELDS[key ?? ''] ?? 'dwellingAddress'] : issue.path.map(String);
    fields[['newHousehold', ...path].join('.')] ??= issue.message;
  }
  const future = futureDateIssues(
    { members: h.members, housingSince, daloDecisionDate: null },
    parisDate(now),
  );
  for (const [path, message] of Object.entries(future)) {
    fields[path === 'housingSince' ? 'shelteredSince' : `newHousehold.${path}`] ??= message;
  }
  if (!parsed.success || Object.keys(fields).length > 0) throw invalid(fields);
  return parsed.data;
}
