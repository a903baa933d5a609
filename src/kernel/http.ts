import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldErrors } from './errors.ts';

/** The one error body every endpoint answers with. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldErrors };
}

/** French wording of Zod's issue codes, so that field errors read well in the UI as they are. */
function frenchIssue(issue: {
  code: string;
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  expected?: unknown;
  format?: unknown;
  input?: unknown;
}): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Ce champ est obligatoire.' : 'Valeur invalide.';
    case 'too_small':
      return typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint'
        ? `Valeur trop petite (minimum ${issue.minimum}).`
        : 'Valeur trop courte.';
    case 'too_big':
      return `Valeur trop grande (maximum ${issue.maximum}).`;
    case 'invalid_format':
      return issue.format === 'email' ? 'Adresse e-mail invalide.' : 'Format invalide.';
    case 'invalid_value':
      return 'Valeur non autorisée.';
    case 'unrecognized_keys':
      return 'Champ inconnu.';
    case 'custom':
      return issue.message;
    default:
      return issue.message || 'Valeur invalide.';
  }
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const body: ErrorBody = { error: { code: error.code, message: error.message, fields: error.fields } };
      return reply.status(error.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldErrors = {};
      for (const v of error.validation) {
        const issue = v.params.issue as Parameters<typeof frenchIssue>[0] & { path?: PropertyKey[] };
        const path =
          v.instancePath.replace(/^\//, '').replaceAll('/', '.') || (issue.path ?? []).map(String).join('.');
        fields[path || '_'] ??= frenchIssue(issue);
      }
      const body: ErrorBody = {
        error: { code: 'VALIDATION_FAILED', message: 'Certains champs sont invalides.', fields },
      };
      return reply.status(400).send(body);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response serialisation failed');
      return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Erreur interne.' } });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({
        error: { code: 'RATE_LIMITED', message: 'Trop de tentatives. Réessayez dans quelques minutes.' },
      });
    }
    if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply
        .status(413)
        .send({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'Fichier ou requête trop volumineux.' } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({
        error: {
          code: error.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED',
          message: error.message,
        },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: 'Erreur interne. Réessayez plus tard.' } });
  });
}
