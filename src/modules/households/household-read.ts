import type { z } from 'zod';
import type { Actor } from '../../kernel/actor.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { ZApp } from '../../kernel/zod-app.ts';
import { actorOf } from '../../kernel/actor.ts';
import { ZErrorBody, ZIdParams } from '../../shared/contracts/common.ts';

/** What a use case listing one part of a household file receives from its route. */
export interface HouseholdReadRequest {
  q: Queryable;
  actor: Actor;
  householdId: string;
  now: Date;
}

/**
 * GET /api/households/:id/<part>: the part's items as the reader's access level shows them.
 * `forbiddable` documents the 403 of parts reserved to some levels (the others answer 404 only).
 */
export function registerHouseholdPartList<Item>(
  app: ZApp,
  deps: AppDeps,
  part: {
    path: string;
    summary: string;
    list: z.ZodType<{ items: Item[] }>;
    forbiddable?: boolean;
    read: (request: HouseholdReadRequest) => Promise<Item[]>;
  },
): void {
  app.get(
    `/api/households/:id/${part.path}`,
    {
      schema: {
        tags: ['households'],
        summary: part.summary,
        params: ZIdParams,
        response: part.forbiddable
          ? { 200: part.list, 403: ZErrorBody, 404: ZErrorBody }
          : { 200: part.list, 404: ZErrorBody },
      },
    },
    async (request) => ({
      items: await part.read({
        q: deps.db,
        actor: actorOf(request),
        householdId: request.params.id,
        now: deps.clock(),
      }),
    }),
  );
}
