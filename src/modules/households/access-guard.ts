import { and, eq, gte, isNull, like, lte, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Context } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { HouseholdAccessPort } from '../../kernel/household-scope.ts';
import { SCOPE_NOT_FOUND, type HouseholdScope } from '../../shared/routes/define.ts';
import { notFound } from '../../kernel/errors.ts';
import { householdAccessLevel, type HouseholdAccessLevel } from '../../shared/access/household-access.ts';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { parisDate } from '../../shared/time.ts';
import { householdParties, households } from './schema.ts';

/**
 * The server side of household access (the pure rules are in src/shared/access/): the guard every
 * household-scoped use case calls, and the SQL form of the party rule for the queries that scope
 * lists to the parties of the reader's organisation.
 */

/**
 * SQL form of `basisIsCurrentOn` (src/shared/access/party-rule.ts) on a party row, for the Paris
 * day of `at` (or a prepared statement's placeholder for that day). A property test proves the two
 * forms equal on random rows and days.
 */
export function partyIsCurrent(at: Date | Placeholder): SQL {
  const day = sql`${at instanceof Date ? parisDate(at) : at}::date`;
  return and(
    isNull(householdParties.endedAt),
    or(isNull(householdParties.validFrom), lte(householdParties.validFrom, day)),
    or(isNull(householdParties.validUntil), gte(householdParties.validUntil, day)),
  ) as SQL;
}

/** The organisations with current access to a household, and why. */
export async function activeParties(q: Queryable, householdId: string, at: Date) {
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
 */
export async function requireHouseholdAccess(
  ctx: Pick<Context, 'db' | 'actor' | 'now' | 'householdAccess'>,
  unverifiedHouseholdId: string,
): Promise<HouseholdAccessLevel> {
  // The route layer already checked this household for this request.
  if (ctx.householdAccess?.householdId === unverifiedHouseholdId) return ctx.householdAccess.level;
  const level = await accessLevel(ctx, unverifiedHouseholdId);
  if (level === 'none') throw notFound(SCOPE_NOT_FOUND.household);
  return level;
}

async function accessLevel(
  ctx: Pick<Context, 'db' | 'actor' | 'now'>,
  householdId: string,
): Promise<HouseholdAccessLevel> {
  return householdAccessLevel(ctx.actor, await activeParties(ctx.db, householdId, ctx.now));
}

/** How the route layer finds the household of a record a scoped route names (null: no such record). */
export type RecordLookup = (q: Queryable, id: string) => Promise<string | null>;

/**
 * The route layer's household check (see kernel/household-scope.ts): the household itself, or the
 * one a record belongs to through its module's lookup, and the actor's level there; null when the
 * record is unknown or its household out of the actor's reach, which the route answers alike.
 */
export const householdAccessPort =
  (
    records: Record<Exclude<NonNullable<HouseholdScope['via']>, 'household'>, RecordLookup>,
  ): HouseholdAccessPort =>
  async (ctx, via, id) => {
    const householdId = via === 'household' ? id : await records[via](ctx.db, id);
    if (!householdId) return null;
    const level = await accessLevel(ctx, householdId);
    return level === 'none' ? null : { householdId, level };
  };

/**
 * SQL condition: the organisation is a current party to this household (the file read's access).
 * Takes placeholders too, for a prepared statement (`at` is then the Paris day).
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

/**
 * SQL condition on another table's household id: among the households the organisation is a current
 * party to, read once from its own parties (an uncorrelated subquery the planner hashes), so that a
 * long list is filtered without a look-up per row.
 */
export const householdIdVisibleTo = (column: AnyPgColumn | SQL, organisationId: string, at: Date): SQL =>
  sql`${column} in (select ${householdParties.householdId} from ${householdParties} where ${and(
    eq(householdParties.organisationId, organisationId),
    partyIsCurrent(at),
  )})`;

/** SQL condition: the household has a current party for this organisation (tenant scoping in lists). */
export const householdVisibleTo = (organisationId: string, at: Date): SQL =>
  sql`exists (select 1 from ${householdParties} where ${and(
    eq(householdParties.householdId, households.id),
    eq(householdParties.organisationId, organisationId),
    partyIsCurrent(at),
  )})`;
