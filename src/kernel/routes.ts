import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import type { z } from 'zod';
import { ZErrorBody } from '../shared/contracts/common.ts';
import {
  FILE_RESPONSE,
  type FileAnswer,
  type ResponseIn,
  type RouteContract,
  type RouteInput,
} from '../shared/routes/define.ts';
import type { Actor } from './actor.ts';
import type { Context, HouseholdChangePort } from './context.ts';
import type { Queryable } from './db.ts';
import type { AppDeps } from './deps.ts';
import { AppError, invalid, type FieldErrors } from './errors.ts';
import { checkHouseholdScope, type HouseholdAccessPort } from './household-scope.ts';
import type { ZApp } from './zod-app.ts';

/** The actor a route's handler may count on: only authenticated routes guarantee one. */
export type ContextFor<C extends RouteContract> = Context<
  C['access'] extends 'public' | 'password' ? Actor | null : Actor
>;

/** A file received through a multipart upload. */
export interface UploadedFile {
  fileName: string;
  declaredMimeType: string;
  content: Buffer;
}

/** The handler's input: params, query and body as validated (an upload: the file and its fields). */
export type HandlerInput<C extends RouteContract> = Omit<RouteInput<C>, 'body'> & {
  body: C['upload'] extends { fields: z.ZodType }
    ? z.output<C['upload']['fields']> & { file: UploadedFile }
    : RouteInput<C>['body'];
};

/**
 * A route's handler: calls one use case with the request's context and returns its answer. The
 * reply is there only for transport effects (a session cookie); answering is the helper's job.
 */
export type RouteHandler<C extends RouteContract> = (
  ctx: ContextFor<C>,
  input: HandlerInput<C>,
  reply: FastifyReply,
) => Promise<ResponseIn<C>>;

export interface RouteOptions {
  /** Per client address (routes that check a secret or send an email). */
  rateLimit?: { max: number; timeWindow: string };
  /**
   * Whether the handler runs in one transaction. Default: writes do, reads do not (a read that
   * audits writes its entry in the same statement, or accepts an entry without the read).
   */
  transaction?: boolean;
}

export interface Routes {
  add<C extends RouteContract>(contract: C, handler: RouteHandler<C>, options?: RouteOptions): void;
}

const REPLAYS = new WeakSet<object>();

/**
 * Marks an idempotent create's answer as the replay of an earlier request: the route answers the
 * contract's `replayStatus` (200) instead of its status (201).
 */
export function replayed<T extends object>(answer: T): T {
  REPLAYS.add(answer);
  return answer;
}

const isSchema = (value: RouteContract['response']): value is z.ZodType =>
  value !== null && value !== FILE_RESPONSE;

/** The error answers a contract implies, documented in the API description. */
function errorStatuses(contract: RouteContract): number[] {
  const statuses = new Set<number>(contract.errors ?? []);
  if (contract.params || contract.query || contract.body || contract.upload) statuses.add(400);
  if ((contract.access ?? 'authenticated') !== 'public') {
    statuses.add(401);
    statuses.add(403);
  }
  if (contract.params) statuses.add(404);
  return [...statuses].sort();
}

const NUL = '\u0000';
const NUL_MESSAGE = 'Caractère nul interdit.';
/** Half of a UTF-16 surrogate pair: no character, so no UTF-8 either. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATE_MESSAGE = 'Caractère invalide (texte mal encodé).';
/**
 * Far deeper than any contract's input (a diagnostic's content nests five levels): a request nested
 * further is malformed, and refused before walking it could exhaust the stack (a 10 kB body of
 * brackets did, answering 500).
 */
const MAX_DEPTH = 32;

/**
 * What PostgreSQL cannot take in a string: a NUL (refused in text and jsonb) or a lone surrogate
 * (refused in jsonb — audit details, history, diagnostics — and turned into U+FFFD in text), so
 * that it would fail or alter the write, not the request.
 */
function textProblem(text: string): string | null {
  if (text.includes(NUL)) return NUL_MESSAGE;
  return LONE_SURROGATE.test(text) ? LONE_SURROGATE_MESSAGE : null;
}

/**
 * The paths (dot-joined, as validation errors name them) of the strings PostgreSQL cannot take, with
 * the reason. A key holding such a character is named by its own path.
 */
function invalidTextPaths(value: unknown, path: readonly string[] = []): [string, string][] {
  if (path.length > MAX_DEPTH) {
    throw new AppError('VALIDATION_FAILED', 'Requête mal formée : vérifiez ce qui est envoyé.');
  }
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? [[path.join('.') || '_', problem]] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => invalidTextPaths(item, [...path, String(i)]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const problem = textProblem(key);
    return [
      ...(problem ? [[[...path, key].join('.'), problem] as [string, string]] : []),
      ...invalidTextPaths(item, [...path, key]),
    ];
  });
}

function refuseInvalidText(...parts: unknown[]): void {
  const paths = parts.flatMap((part) => invalidTextPaths(part));
  if (paths.length > 0) throw invalid(Object.fromEntries(paths));
}

/**
 * Before the contract's validation: a NUL or a lone surrogate anywhere in params, query or body
 * answers 400 by field.
 */
async function rejectInvalidText(request: FastifyRequest) {
  refuseInvalidText(request.params, request.query, request.body);
}

/**
 * Reads the form through the multipart parser. What the parser refuses — a body cut short, a
 * missing boundary, a body that is no form — is the client's malformed request (400); a size limit
 * stays the error handler's 413.
 */
async function fromParser<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if ((error as FastifyError).statusCode === 413) throw error;
    throw new AppError('VALIDATION_FAILED', 'Le fichier envoyé est incomplet ou illisible. Réessayez.');
  }
}

async function readUpload(
  request: FastifyRequest,
  upload: NonNullable<RouteContract['upload']>,
): Promise<Record<string, unknown>> {
  const file = await fromParser(() =>
    request.file({ limits: { fileSize: upload.maxBytes, files: 1, fields: 10, fieldSize: 1000 } }),
  );
  if (!file) throw invalid({ file: 'Choisissez un fichier.' });
  // Form fields sent before the file part are available here.
  const values: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(file.fields)) {
    if (field && !Array.isArray(field) && field.type === 'field') values[name] = field.value;
  }
  refuseInvalidText(values, { file: file.filename });
  const parsed = upload.fields.safeParse(values);
  if (!parsed.success) {
    const fields: FieldErrors = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
    throw invalid(fields);
  }
  const content = await fromParser(() => file.toBuffer());
  return {
    ...(parsed.data as object),
    file: { fileName: file.filename, declaredMimeType: file.mimetype, content } satisfies UploadedFile,
  };
}

/**
 * The file name twice (RFC 6266): a plain ASCII `filename` for older clients, then the exact
 * UTF-8 one in `filename*`, which browsers prefer.
 */
function contentDisposition(file: FileAnswer): string {
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${file.disposition ?? 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
}

function sendFile(reply: FastifyReply, file: FileAnswer) {
  return reply
    .header('content-type', file.mimeType)
    .header('content-disposition', contentDisposition(file))
    .send(Buffer.from(file.content));
}

/**
 * Every API answer, errors included, is `no-store`: nearly all carry a reader's own data (a
 * household's file, its documents, an inbox, a session), and the few public ones (health, the
 * housing-benefit calculator) cost less to compute again than a rule telling them apart would.
 * Set first, so that a refusal (400, 401, 403, 404) is not kept either.
 */
async function noStore(_request: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
}

/**
 * Registers routes from their shared contracts: validation and serialisation by the contract's
 * schemas, the access level for the session guard, the household scope (checked through the port),
 * the transaction, the context, the answer.
 */
export function routes(
  app: ZApp,
  deps: AppDeps,
  householdAccess: HouseholdAccessPort,
  householdChanged?: HouseholdChangePort,
): Routes {
  return {
    add(contract, handler, options = {}) {
      const status = contract.response === null ? 204 : (contract.status ?? 200);
      const response: Record<number, z.ZodType> = {};
      if (isSchema(contract.response)) {
        response[status] = contract.response;
        if (contract.replayStatus) response[contract.replayStatus] = contract.response;
      }
      for (const code of errorStatuses(contract)) response[code] = ZErrorBody;
      const transactional = options.transaction ?? contract.method !== 'GET';

      app.route({
        method: contract.method,
        url: contract.path,
        onRequest: noStore,
        preValidation: rejectInvalidText,
        config: {
          access: contract.access ?? 'authenticated',
          ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
        },
        schema: {
          tags: [contract.tag],
          summary: contract.summary,
          ...(contract.params ? { params: contract.params } : {}),
          ...(contract.query ? { querystring: contract.query } : {}),
          ...(contract.body ? { body: contract.body } : {}),
          ...(contract.upload ? { consumes: ['multipart/form-data'] } : {}),
          response,
        },
        handler: async (request, reply) => {
          // Validated by the contract's schemas above; the provider cannot narrow a generic schema.
          const input = {
            params: request.params,
            query: request.query ?? {},
            body: contract.upload ? await readUpload(request, contract.upload) : request.body,
          } as HandlerInput<typeof contract>;
          const now = deps.clock();
          const run = async (db: Queryable) => {
            const ctx: Context<Actor | null> = {
              db,
              actor: request.actor,
              now,
              client: { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
              session: request.session,
              config: deps.config,
              ...(householdChanged
                ? { householdChanged: (householdId: string) => householdChanged(db, householdId, now) }
                : {}),
            };
            if ((contract.access ?? 'authenticated') === 'authenticated' && !ctx.actor) {
              throw new AppError('UNAUTHENTICATED', 'Veuillez vous connecter.');
            }
            const scope = contract.household;
            if (
              scope &&
              scope.via !== 'referral' &&
              scope.via !== 'contract' &&
              scope.via !== 'proposal' &&
              !scope.checkedInStatement &&
              ctx.actor
            ) {
              ctx.householdAccess = await checkHouseholdScope(
                ctx as Context,
                scope,
                input.params as Record<string, unknown>,
                householdAccess,
              );
            }
            return handler(ctx as ContextFor<typeof contract>, input, reply);
          };
          const result = transactional ? await deps.db.transaction(run) : await run(deps.db);
          if (reply.sent) return reply;
          if (contract.response === FILE_RESPONSE) return sendFile(reply, result as FileAnswer);
          if (contract.response === null) return reply.status(204).send();
          const replay = contract.replayStatus && typeof result === 'object' && REPLAYS.has(result as object);
          return reply.status(replay ? contract.replayStatus! : status).send(result);
        },
      });
    },
  };
}
