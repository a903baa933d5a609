import type { AppConfig } from '../config.ts';
import type { Actor, ClientInfo, RequestSession } from './actor.ts';
import type { Queryable } from './db.ts';
import type { HouseholdAccess } from './household-scope.ts';

/**
 * What every use case receives, whoever calls it (a route, a job, the demo loader, a test):
 *  - db: the request's transaction for a write, the pool for a read;
 *  - actor: who acts (null on public routes and for the system);
 *  - now: the clock of the request (tests move it);
 *  - client, session, config: where the request comes from, its cookie's session, the settings;
 *  - householdAccess: on a household-scoped route, the household and the actor's level there, as
 *    the route layer checked them (the use case's own guard reuses them rather than asking again);
 *  - householdChanged: on a route, what a use case calls after changing a household's measures,
 *    referrals or contracts, in its transaction (app.ts wires the alerts' recompute: modules that
 *    the alerts module reads cannot import it).
 */
export interface Context<A extends Actor | null = Actor> {
  db: Queryable;
  actor: A;
  now: Date;
  client: ClientInfo;
  session: RequestSession | null;
  config: AppConfig;
  householdAccess?: HouseholdAccess;
  householdChanged?: (householdId: string) => Promise<void>;
}

/** The port behind `Context.householdChanged`: recompute what depends on the household, in `q`. */
export type HouseholdChangePort = (q: Queryable, householdId: string, now: Date) => Promise<void>;

/** A context for work the system does itself (jobs, start-up), with no request behind it. */
export const systemContext = (db: Queryable, config: AppConfig, now: Date): Context<null> => ({
  db,
  actor: null,
  now,
  client: { ip: 'système', userAgent: null },
  session: null,
  config,
});
