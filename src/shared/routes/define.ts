import type { z } from 'zod';
import type { HouseholdAccessLevel } from '../access/household-access.ts';
import type { LeaseAction } from '../access/lease-policy.ts';
import type { ReferralAction } from '../contracts/referrals.ts';

/**
 * A route declared once, for the server (registration, validation, serialisation, OpenAPI) and the
 * web client (typed calls, query keys, links). Pages never spell a path or assert a response type:
 * they call a contract.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * How much authentication a route needs:
 *  - public: anyone (sign-in, health, the public calculators);
 *  - password: a session whose second factor may still be pending (TOTP enrolment and check);
 *  - authenticated: a complete session acting for an organisation.
 */
export type RouteAccess = 'public' | 'password' | 'authenticated';

/**
 * A route that reads or changes one household's file, or a part of it, through a path parameter.
 * The route layer resolves the household and checks the actor's level on it before the handler
 * runs: an unknown record or a household the organisation is no current party to answers 404, a
 * party below `level` answers 403 (or the same 404 with `below: 404`, see SCOPE_NOT_FOUND). The
 * access matrix test calls every such route as every role, party or not; a route reaching a
 * household without this declaration fails the architecture test.
 */
export interface HouseholdScope {
  /** The path parameter that names the household, or the record through which the route reaches it. */
  param: string;
  /** What that parameter identifies (default: the household itself). */
  via?: 'household' | 'diagnostic';
  /** The lowest access level the route serves. */
  level: Exclude<HouseholdAccessLevel, 'none'>;
  /** What a party under that level gets: 403 (default), or 404 where even the record's existence is need-to-know. */
  below?: 403 | 404;
  /** Why a party under that level is refused, in French (a general sentence by default). */
  refusal?: string;
  /**
   * The use case checks the party in the statement that reads (the file read, the hottest route:
   * one round trip, the audit entry written only for a current party), so the route layer does not
   * read the parties first. Only for a scope whose level every party has.
   */
  checkedInStatement?: true;
}

/**
 * The one 404 a household-scoped route answers, by what its parameter names: an unknown record, a
 * household the organisation is no current party to and, with `below: 404`, a party under the level
 * all read the same, so that the answer tells nothing of what exists.
 */
export const SCOPE_NOT_FOUND = {
  household: 'Dossier introuvable.',
  diagnostic: 'Diagnostic introuvable.',
} as const satisfies Record<NonNullable<HouseholdScope['via']>, string>;

/**
 * A route that reaches a household through a referral (saisine): the referral policy decides, by
 * the organisation's side of the referral and the actor's roles, not by the household's parties
 * (the receiving association is no party before it opens the case). The referrals module enforces
 * it; the access matrix test checks each route against the policy.
 */
export interface ReferralScope {
  param: string;
  via: 'referral';
  /** Reading, or one of the receiving side's actions. */
  referral: 'read' | ReferralAction;
}

/**
 * A route that reaches an occupancy contract or its rent account, and through it the household's
 * file when it has one: the lease policy decides (src/shared/access/lease-policy.ts), by the
 * organisation's place in the contract (lessor, association holding the lease, rent collector) and
 * whether the actor reads the household's file — not by the file's parties alone (a landlord's
 * imported tenant has no file). The module enforces it; the access matrix checks each route against
 * the policy.
 */
export interface ContractScope {
  param: string;
  via: 'contract';
  lease: LeaseAction;
}

/**
 * A route that reaches a household through its proposal on a vacancy (a designation's candidate): the
 * proposal policy decides (src/shared/access/proposal-policy.ts), by the organisation's place — the
 * vacancy's landlord, or a party to the household's file — not by the file's parties alone (the
 * landlord sees a candidate only through what the designation sends it). The module enforces it; the
 * access matrix checks each route against the policy.
 */
export interface ProposalScope {
  param: string;
  via: 'proposal';
}

/** A binary answer (PDF, document) rather than JSON. */
export const FILE_RESPONSE = 'file' as const;

export interface RouteContract {
  readonly method: HttpMethod;
  readonly path: `/api/${string}`;
  /** French, shown in the API documentation. */
  readonly summary: string;
  /** The module the route belongs to (groups the API documentation). */
  readonly tag: string;
  /** Default: authenticated. */
  readonly access?: RouteAccess;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** A multipart upload: one file, plus these form fields. */
  readonly upload?: { readonly maxBytes: number; readonly fields: z.ZodType };
  /** JSON schema of the answer, FILE_RESPONSE for a download, null for 204 No Content. */
  readonly response: z.ZodType | typeof FILE_RESPONSE | null;
  /** Default 200 (204 when response is null). */
  readonly status?: 200 | 201;
  /**
   * A create made idempotent by a key the client sends: a replay answers this status with the
   * record first created (the handler marks it with `replayed`, see kernel/routes.ts).
   */
  readonly replayStatus?: 200;
  readonly household?: HouseholdScope | ReferralScope | ContractScope | ProposalScope;
  /** Error statuses beyond those implied by the contract (400 with an input, 401, 403, 404 with params). */
  readonly errors?: readonly (409 | 413 | 415 | 422 | 423 | 429)[];
}

/** Declares a route; the literal types are kept so that calls and handlers are typed from it. */
export const defineRoute = <const C extends RouteContract>(contract: C): C => contract;

type Infer<S, Fallback, Mode extends 'in' | 'out'> = S extends z.ZodType
  ? Mode extends 'in'
    ? z.input<S>
    : z.output<S>
  : Fallback;

/** What a caller sends (before defaults and transforms). */
export type ParamsIn<C extends RouteContract> = Infer<C['params'], Record<string, never>, 'in'>;
export type QueryIn<C extends RouteContract> = Infer<C['query'], undefined, 'in'>;
export type BodyIn<C extends RouteContract> = C['upload'] extends object
  ? FormData
  : Infer<C['body'], undefined, 'in'>;

/** What the server's handler receives (validated, defaults applied). */
export interface RouteInput<C extends RouteContract> {
  params: Infer<C['params'], Record<string, never>, 'out'>;
  query: Infer<C['query'], Record<string, never>, 'out'>;
  body: Infer<C['body'], undefined, 'out'>;
}

/** A downloaded file, as a handler returns it. */
export interface FileAnswer {
  fileName: string;
  mimeType: string;
  content: Uint8Array;
  /** inline: shown by the browser (PDF preview); default attachment. */
  disposition?: 'inline' | 'attachment';
}

/** What the handler returns: the answer before serialisation. */
export type ResponseIn<C extends RouteContract> = C['response'] extends z.ZodType
  ? z.input<C['response']>
  : C['response'] extends typeof FILE_RESPONSE
    ? FileAnswer
    : void;

/** What the client receives. */
export type ResponseOut<C extends RouteContract> = C['response'] extends z.ZodType
  ? z.output<C['response']>
  : C['response'] extends typeof FILE_RESPONSE
    ? Blob
    : void;

/** The concrete path of a call: each `:name` replaced by its encoded parameter. */
export function routePath(contract: Pick<RouteContract, 'path'>, params: object = {}): string {
  const values = params as Record<string, string | number>;
  return contract.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Paramètre manquant : ${name} (${contract.path})`);
    return encodeURIComponent(String(value));
  });
}
