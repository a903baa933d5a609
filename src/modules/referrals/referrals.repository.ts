import { aliasedTable, and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../kernel/db.ts';
import { notFound, versionConflict } from '../../kernel/errors.ts';
import {
  REFERRAL_EVENT_TYPES,
  type ReferralEventType,
  type TReferralQuery,
} from '../../shared/contracts/referrals.ts';
import type { Role } from '../../shared/contracts/roles.ts';
import { managementUnits, organisations } from '../organisations/schema.ts';
import { memberships, users } from '../identity/schema.ts';
import {
  householdConsents,
  householdDebts,
  householdMembers,
  households,
  tenancies,
} from '../households/schema.ts';
import { dwellings } from '../dwellings/schema.ts';
import { referralContactAttempts, referralEvents, referrals } from './schema.ts';

export type ReferralRow = typeof referrals.$inferSelect;
export type NewReferralRow = typeof referrals.$inferInsert;

/**
 * A referral by id, with no organisation scoping: callers pass the result to the referral policy
 * (src/shared/access/referral-policy.ts) before anything of it leaves the server.
 */
export async function unsafeFindReferral(q: Queryable, unverifiedId: string): Promise<ReferralRow> {
  const [row] = await q.select().from(referrals).where(eq(referrals.id, unverifiedId));
  if (!row) throw notFound('Saisine introuvable.');
  return row;
}

export async function insertReferral(q: Queryable, row: NewReferralRow): Promise<ReferralRow> {
  const [inserted] = await q.insert(referrals).values(row).returning();
  return inserted!;
}

/**
 * Optimistic update: applies only if nobody changed the referral since `version` was read, and
 * bumps the version. A concurrent writer waits on the row lock and then finds the version moved.
 */
export async function updateReferralAtVersion(
  q: Queryable,
  input: { id: string; version: number; now: Date; set: Partial<NewReferralRow> },
): Promise<ReferralRow> {
  const [row] = await q
    .update(referrals)
    .set({ ...input.set, version: input.version + 1, updatedAt: input.now })
    .where(and(eq(referrals.id, input.id), eq(referrals.version, input.version)))
    .returning();
  if (!row) throw versionConflict();
  return row;
}

export async function insertReferralEvent(
  q: Queryable,
  input: {
    referralId: string;
    type: ReferralEventType;
    at: Date;
    userId: string | null;
    organisationId: string | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await q.insert(referralEvents).values({ ...input, detail: input.detail ?? {} });
}

export async function insertContactAttempt(
  q: Queryable,
  input: typeof referralContactAttempts.$inferInsert,
): Promise<string> {
  const [row] = await q
    .insert(referralContactAttempts)
    .values(input)
    .returning({ id: referralContactAttempts.id });
  return row!.id;
}

/**
 * The reference person's full name, as a subquery usable in any select: correlated to a column
 * of a joined query, or bound to one household id.
 */
const referencePersonName = (householdId: AnyPgColumn | string) =>
  sql<string | null>`(select ${householdMembers.firstName} || ' ' || ${householdMembers.lastName}
    from ${householdMembers}
    where ${householdMembers.householdId} = ${householdId} and ${householdMembers.isReferencePerson}
    order by ${householdMembers.position} limit 1)`;

const fromOrg = aliasedTable(organisations, 'from_org');
const toOrg = aliasedTable(organisations, 'to_org');
const caseworker = aliasedTable(users, 'caseworker');

const listColumns = {
  referral: referrals,
  fromOrganisation: { id: fromOrg.id, name: fromOrg.name, type: fromOrg.type },
  toOrganisation: { id: toOrg.id, name: toOrg.name, type: toOrg.type },
  caseworkerName: caseworker.fullName,
  referencePersonName: referencePersonName(referrals.householdId),
};

export type ReferralListRow = {
  referral: ReferralRow;
  fromOrganisation: { id: string; name: string; type: (typeof organisations.$inferSelect)['type'] };
  toOrganisation: { id: string; name: string; type: (typeof organisations.$inferSelect)['type'] };
  caseworkerName: string | null;
  referencePersonName: string | null;
};

function listQuery(q: Queryable) {
  return q
    .select(listColumns)
    .from(referrals)
    .innerJoin(fromOrg, eq(fromOrg.id, referrals.fromOrganisationId))
    .innerJoin(toOrg, eq(toOrg.id, referrals.toOrganisationId))
    .leftJoin(caseworker, eq(caseworker.id, referrals.assignedCaseworkerUserId));
}

/**
 * Referrals addressed to (`inbox`) or made by (`sent`) one organisation, newest first. The
 * organisation comes from the verified session: it is the tenant filter.
 */
export async function listReferralsOf(
  q: Queryable,
  input: { box: 'inbox' | 'sent'; organisationId: string; query: TReferralQuery },
): Promise<{ rows: ReferralListRow[]; total: number }> {
  const { box, organisationId, query } = input;
  const where = and(
    box === 'inbox'
      ? eq(referrals.toOrganisationId, organisationId)
      : eq(referrals.fromOrganisationId, organisationId),
    query.status ? eq(referrals.status, query.status) : undefined,
    query.kind ? eq(referrals.kind, query.kind) : undefined,
  );
  const [rows, [totalRow]] = await Promise.all([
    listQuery(q)
      .where(where)
      .orderBy(desc(referrals.createdAt), desc(referrals.number))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    q.select({ n: count() }).from(referrals).where(where),
  ]);
  return { rows, total: totalRow?.n ?? 0 };
}

export async function findReferralListRow(q: Queryable, id: string): Promise<ReferralListRow> {
  const [row] = await listQuery(q).where(eq(referrals.id, id));
  if (!row) throw notFound('Saisine introuvable.');
  return row;
}

/** What the receiving organisation may know of the household before it is a party to it. */
export async function householdSummary(q: Queryable, householdId: string) {
  const [row] = await q
    .select({
      id: households.id,
      fileNumber: households.fileNumber,
      // Bound to the id: drizzle leaves columns unqualified in a single-table select.
      referencePersonName: referencePersonName(householdId),
      membersCount: sql<number>`(select count(*)::int from ${householdMembers}
        where ${householdMembers.householdId} = ${householdId})`,
      housingSituation: households.housingSituation,
      dwellingAddress: sql<
        string | null
      >`(select d.address from ${tenancies} t join ${dwellings} d on d.id = t.dwelling_id
        where t.household_id = ${householdId} and t.end_date is null)`,
      postalAddress: households.postalAddress,
      phone: households.phone,
      email: households.email,
    })
    .from(households)
    .where(eq(households.id, householdId));
  if (!row) throw notFound('Dossier introuvable.');
  return row;
}

/** Events written in the same instant (one clock tick) still read in lifecycle order. */
const eventOrder = sql`array_position(array[${sql.join(
  REFERRAL_EVENT_TYPES.map((t) => sql`${t}`),
  sql`, `,
)}]::text[], ${referralEvents.type})`;

export async function listReferralEvents(q: Queryable, referralId: string) {
  return q
    .select({
      id: referralEvents.id,
      type: referralEvents.type,
      at: referralEvents.at,
      detail: referralEvents.detail,
      user: { id: users.id, name: users.fullName },
      organisation: { id: organisations.id, name: organisations.name, type: organisations.type },
    })
    .from(referralEvents)
    .leftJoin(users, eq(users.id, referralEvents.userId))
    .leftJoin(organisations, eq(organisations.id, referralEvents.organisationId))
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(asc(referralEvents.at), asc(eventOrder));
}
export type ReferralEventRow = Awaited<ReturnType<typeof listReferralEvents>>[number];

export async function listContactAttempts(q: Queryable, referralId: string) {
  return q
    .select({
      id: referralContactAttempts.id,
      method: referralContactAttempts.method,
      outcome: referralContactAttempts.outcome,
      attemptedAt: referralContactAttempts.attemptedAt,
      note: referralContactAttempts.note,
      user: { id: users.id, name: users.fullName },
    })
    .from(referralContactAttempts)
    .leftJoin(users, eq(users.id, referralContactAttempts.userId))
    .where(eq(referralContactAttempts.referralId, referralId))
    .orderBy(asc(referralContactAttempts.attemptedAt));
}
export type ContactAttemptRow = Awaited<ReturnType<typeof listContactAttempts>>[number];

export async function userName(
  q: Queryable,
  userId: string | null,
): Promise<{ id: string; name: string } | null> {
  if (!userId) return null;
  const [row] = await q
    .select({ id: users.id, name: users.fullName })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function findOrganisation(q: Queryable, unverifiedId: string) {
  const [row] = await q
    .select({
      id: organisations.id,
      name: organisations.name,
      type: organisations.type,
      active: organisations.active,
    })
    .from(organisations)
    .where(eq(organisations.id, unverifiedId));
  return row ?? null;
}

/** The roles an active user holds in an organisation (empty when not an active member). */
export async function memberRoles(q: Queryable, userId: string, organisationId: string): Promise<Role[]> {
  const rows = await q
    .select({ role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.organisationId, organisationId),
        eq(users.status, 'active'),
      ),
    );
  return rows.map((r) => r.role);
}

export async function findManagementUnitOf(q: Queryable, unverifiedUnitId: string, organisationId: string) {
  const [row] = await q
    .select({ id: managementUnits.id })
    .from(managementUnits)
    .where(and(eq(managementUnits.id, unverifiedUnitId), eq(managementUnits.organisationId, organisationId)));
  return row ?? null;
}

/** A referral of this household to this organisation still waiting or being followed up. */
export async function findOpenReferral(q: Queryable, householdId: string, toOrganisationId: string) {
  const [row] = await q
    .select({ id: referrals.id, number: referrals.number })
    .from(referrals)
    .where(
      and(
        eq(referrals.householdId, householdId),
        eq(referrals.toOrganisationId, toOrganisationId),
        inArray(referrals.status, ['sent', 'accepted']),
      ),
    );
  return row ?? null;
}

/** The rent-arrears debt a referral reported, as the household's file holds it now. */
export async function reportedArrears(q: Queryable, debtId: string | null) {
  if (!debtId) return null;
  const [debt] = await q
    .select({ amountCents: householdDebts.amountCents, months: householdDebts.unpaidMonths })
    .from(householdDebts)
    .where(eq(householdDebts.id, debtId));
  return debt ?? null;
}

/** The household's agreement to a referral, from its consent record. */
export async function referralAgreement(q: Queryable, consentId: string | null) {
  if (!consentId) return null;
  const [consent] = await q
    .select({
      givenOn: householdConsents.validFrom,
      method: householdConsents.method,
      witnessName: householdConsents.witnessName,
    })
    .from(householdConsents)
    .where(eq(householdConsents.id, consentId));
  return consent ?? null;
}

/**
 * Every event of the household's referrals with its referral's sides, for the household timeline;
 * the caller keeps the referrals the reader may read (referral policy).
 */
export async function referralEventsOfHousehold(q: Queryable, householdId: string) {
  return q
    .select({
      id: referralEvents.id,
      type: referralEvents.type,
      at: referralEvents.at,
      referral: {
        number: referrals.number,
        kind: referrals.kind,
        status: referrals.status,
        fromOrganisationId: referrals.fromOrganisationId,
        toOrganisationId: referrals.toOrganisationId,
        assignedCaseworkerUserId: referrals.assignedCaseworkerUserId,
      },
      byName: users.fullName,
      byOrganisationId: referralEvents.organisationId,
      byOrganisationName: organisations.name,
    })
    .from(referralEvents)
    .innerJoin(referrals, eq(referrals.id, referralEvents.referralId))
    .leftJoin(users, eq(users.id, referralEvents.userId))
    .leftJoin(organisations, eq(organisations.id, referralEvents.organisationId))
    .where(eq(referrals.householdId, householdId))
    .orderBy(asc(referralEvents.at), asc(eventOrder));
}
