import { ROLE_GROUPS } from '../../shared/access/role-groups.ts';
import type { Context } from '../../kernel/context.ts';
import { audit } from '../../kernel/audit.ts';
import { AppError, forbidden, invalid, notFound, versionConflict } from '../../kernel/errors.ts';
import { REFERRAL_STATUS_LABELS } from '../../shared/contracts/referral-enums.ts';
import {
  formatReferralNumber,
  type ReferralAction,
  type ReferralEventType,
} from '../../shared/contracts/referrals.ts';
import {
  TRANSITION_TO_STATUS,
  type ReferralTransition,
  INVALID_STATE_MESSAGES,
  canReadReferral,
  mayActOnReferral,
  statusAllows,
} from '../../shared/access/referral-policy.ts';
import { notifyOrganisation } from '../notifications/index.ts';
import {
  insertReferralEvent,
  unsafeFindReferral,
  updateReferralAtVersion,
  type NewReferralRow,
  type ReferralRow,
} from './referrals.repository.ts';

/** Path of a referral in the web app (notification links). */
export const referralLink = (id: string) => `/saisines/${id}`;

/** Tolerance for a browser clock slightly ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** A date-time typed by the user for something that already happened. */
export function notInFuture(iso: string, now: Date, field: string, message: string): Date {
  const at = new Date(iso);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid({ [field]: message });
  return at;
}

/** A referral the actor may see; an unknown id and someone else's referral answer the same 404. */
export async function requireReadableReferral(ctx: Context, unverifiedId: string): Promise<ReferralRow> {
  const referral = await unsafeFindReferral(ctx.db, unverifiedId);
  if (!canReadReferral(ctx.actor, referral)) throw notFound('Saisine introuvable.');
  return referral;
}

/**
 * Loads the referral and checks, in this order, that the actor may see it (404), may take the
 * action (403), read the current version (409 VERSION_CONFLICT, when the action carries one) and
 * that the status allows the action (409 INVALID_STATE).
 */
export async function requireActionable(
  ctx: Context,
  input: { unverifiedId: string; action: ReferralAction; version?: number },
): Promise<ReferralRow> {
  const referral = await requireReadableReferral(ctx, input.unverifiedId);
  if (!mayActOnReferral(ctx.actor, referral, input.action)) forbiddenFor(input.action);
  if (input.version !== undefined && input.version !== referral.version) throw versionConflict();
  if (!statusAllows(input.action, referral.status)) {
    throw new AppError('INVALID_STATE', INVALID_STATE_MESSAGES[input.action]);
  }
  return referral;
}

function forbiddenFor(action: ReferralAction): never {
  throw forbidden(
    action === 'log_contact' || action === 'record_first_interview'
      ? 'Seul le référent désigné ou un responsable d’équipe suit cette saisine.'
      : 'Seule l’organisation destinataire décide de la suite d’une saisine.',
  );
}

const TRANSITION_EVENT: Record<ReferralTransition, ReferralEventType> = {
  accept: 'accepted',
  decline: 'declined',
  redirect: 'redirected',
  record_first_interview: 'case_opened',
};

/**
 * Moves a checked referral to the action's status at the version it was read: writes the change,
 * the timeline event and the audit entry, and tells the referring organisation. Call it inside the
 * transaction of the whole action.
 */
export async function applyTransition(
  ctx: Context,
  input: {
    referral: ReferralRow;
    action: ReferralTransition;
    set?: Partial<NewReferralRow>;
    /** Shown in the timeline to both sides. */
    eventDetail?: Record<string, unknown>;
  },
): Promise<ReferralRow> {
  const { db, actor, now } = ctx;
  const { referral, action } = input;
  const status = TRANSITION_TO_STATUS[action];
  const updated = await updateReferralAtVersion(db, {
    id: referral.id,
    version: referral.version,
    now,
    set: { ...input.set, status },
  });
  await insertReferralEvent(db, {
    referralId: referral.id,
    type: TRANSITION_EVENT[action],
    at: now,
    userId: actor.userId,
    organisationId: actor.organisationId,
    detail: input.eventDetail,
  });
  await audit(db, actor, {
    action: `referral.${action}`,
    entityType: 'referral',
    entityId: referral.id,
    householdId: referral.householdId,
    details: { from: referral.status, to: status, ...input.eventDetail },
  });
  await notifyOrganisation(db, {
    organisationId: referral.fromOrganisationId,
    roles: [...ROLE_GROUPS.referrers],
    kind: 'referral.status_changed',
    title: `Saisine ${formatReferralNumber(referral.number)} : ${REFERRAL_STATUS_LABELS[status].toLowerCase()}`,
    // No household detail in a message that also leaves by email.
    body: `${actor.organisationName} a mis à jour la saisine ${formatReferralNumber(referral.number)}. Consultez-la dans Relais pour le détail.`,
    link: referralLink(referral.id),
  });
  await ctx.householdChanged?.(referral.householdId);
  return updated;
}
