import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldErrors } from './errors.ts';
import '../shared/contracts/zod-french.ts';

/** The one error body every endpoint answers with. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldErrors };
}

const FRAMEWORK_MESSAGES: Partial<Record<number, string>> = {
  404: 'Ressource introuvable.',
  415: 'Format de requête non pris en charge.',
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const body: ErrorBody = { error: { code: error.code, message: error.message, fields: error.fields } };
      return reply.status(error.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldErrors = {};
      for (const v of error.validation) {
        // Messages are French already (src/shared/contracts/zod-french.ts, or the schema's own).
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        fields[path || '_'] ??= v.message ?? 'Valeur invalide.';
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
    // The framework's own refusals (unparsable JSON, an unsupported content type, no such route)
    // carry English messages: the user gets a French one.
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({
        error: {
          code: error.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED',
          message: FRAMEWORK_MESSAGES[error.statusCode] ?? 'Requête mal formée : vérifiez ce qui est envoyé.',
        },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: 'Erreur interne. Réessayez plus tard.' } });
  });
}
