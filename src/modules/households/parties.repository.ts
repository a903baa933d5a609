import { and, asc, eq, gte, isNull, like, lte, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { organisations } from '../organisations/schema.ts';
import { users } from '../identity/schema.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { Actor } from '../../kernel/actor.ts';
import { notFound } from '../../kernel/errors.ts';
import { householdAccessLevel, type HouseholdAccessLevel } from '../../shared/policy/household-access.ts';
import type { PartyBasis } from '../../shared/contracts/household-enums.ts';
import { householdParties, households } from './schema.ts';

// One formatter for the process: toLocaleDateString builds a new one on every call, a measurable
// cost on the access check of every request.
const parisDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' });

/** The calendar day (Europe/Paris, YYYY-MM-DD) that consent validity dates are compared with. */
export const parisDate = (at: Date) => parisDay.format(at);

/**
 * SQL condition: a party row grants access on `at`: not ended, and within its validity (a
 * consent's dates, copied on the row). Expiry is evaluated at read time rather than by ending rows,
 * so an expired consent stops granting access the day after its validUntil without any job or
 * write. Without `at`, the database's current date is used.
 */
export function partyIsCurrent(at?: Date | Placeholder): SQL {
  const today = at === undefined ? sql`current_date` : sql`${at instanceof Date ? parisDate(at) : at}::date`;
  return and(
    isNull(householdParties.endedAt),
    or(isNull(householdParties.validFrom), lte(householdParties.validFrom, today)),
    or(isNull(householdParties.validUntil), gte(householdParties.validUntil, today)),
  ) as SQL;
}

/** The organisations with current access to a household, and why. */
export async function activeParties(q: Queryable, householdId: string, at?: Date) {
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
    .where(and(eq(householdParties.householdId, householdId), partyIsCurrent(at)));
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
  at?: Date,
): Promise<HouseholdAccessLevel> {
  const parties = await activeParties(q, unverifiedHouseholdId, at);
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
    caseworkerUserId: input.caseworkerUserId ?? null,
    validFrom: input.validity?.from ?? null,
    validUntil: input.validity?.until ?? null,
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
 * SQL condition: the organisation is a current party to this household (the file read's access).
 * Takes placeholders too, for a prepared statement (`at` is then the Paris day, see parisDate).
 */
export const isCurrentParty = (
  householdId: string | Placeholder,
  organisationId: string | Placeholder,
  at: Date | Placeholder,
): SQL =>
  sql`exists (select 1 from ${householdParties} where ${and(
    eq(householdParties.householdId, householdId),
    eq(householdParties.organisationId, organisationId),
    partyIsCurrent(at),
  )})`;

/**
 * SQL condition for the household list (tenant scoping): the household is among those the
 * organisation is a current party to, matching `searchPattern` on the party's copy of search_text.
 * The ids come first, from the organisation's own parties, as an array: the households rows are then
 * fetched by primary key instead of scanning the table.
 */
export const householdAmongVisibleTo = (
  organisationId: string | Placeholder,
  at: Date | Placeholder,
  searchPattern?: string | Placeholder,
): SQL =>
  sql`${households.id} = any(array(select ${householdParties.householdId} from ${householdParties} where ${and(
    eq(householdParties.organisationId, organisationId),
    partyIsCurrent(at),
    searchPattern === undefined ? undefined : like(householdParties.searchText, searchPattern),
  )}))`;

/** SQL condition: the household has a current party for this organisation (tenant scoping in lists). */
export const householdVisibleTo = (organisationId: string, at?: Date): SQL =>
  sql`exists (select 1 from ${householdParties} where ${and(
    eq(householdParties.householdId, households.id),
    eq(householdParties.organisationId, organisationId),
    partyIsCurrent(at),
  )})`;
/**
 * The landlord of the household's dwelling is a party on the basis own_tenant: when the file's
 * landlord changes, the former one loses that access and the new one gains it.
 */
export async function syncLandlordParty(
  q: Queryable,
  input: { householdId: string; before: string | null; after: string | null; at: Date },
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
  if (input.after) {
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
    })
    .from(householdParties)
    .innerJoin(organisations, eq(organisations.id, householdParties.organisationId))
    .leftJoin(users, eq(users.id, householdParties.caseworkerUserId))
    .where(and(eq(householdParties.householdId, householdId), partyIsCurrent(at)))
    .orderBy(asc(householdParties.startedAt));
}
