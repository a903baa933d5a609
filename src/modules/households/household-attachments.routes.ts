import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZApp } from '../../kernel/zod-app.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { actorOf } from '../../kernel/actor.ts';
import { invalid } from '../../kernel/errors.ts';
import { ZErrorBody, ZIdParams } from '../../shared/contracts/common.ts';
import {
  DOCUMENT_MAX_BYTES,
  ZDocumentList,
  ZDocumentParams,
  ZDocumentUploadFields,
  ZHouseholdCreated,
  ZNoteCreate,
  ZNoteList,
} from '../../shared/contracts/households.ts';
import { addHouseholdNote } from './use-cases/add-household-note.ts';
import { listHouseholdNotes } from './use-cases/list-household-notes.ts';
import { uploadHouseholdDocument } from './use-cases/upload-household-document.ts';
import { listHouseholdDocuments } from './use-cases/list-household-documents.ts';
import { downloadHouseholdDocument } from './use-cases/download-household-document.ts';
import { parseOrInvalid } from './household-input.ts';
import { registerHouseholdPartList } from './household-read.ts';

const tags = ['households'];

/** Notes and documents of a household file, each with its sensitivity. */
export async function householdAttachmentRoutes(app: ZApp, deps: AppDeps): Promise<void> {
  registerHouseholdPartList(app, deps, {
    path: 'notes',
    summary: 'Notes du dossier (selon leur confidentialité)',
    list: ZNoteList,
    read: listHouseholdNotes,
  });

  app.post(
    '/api/households/:id/notes',
    {
      schema: {
        tags,
        summary: 'Ajouter une note (partagée, visible du bailleur ou confidentielle)',
        params: ZIdParams,
        body: ZNoteCreate,
        response: { 201: ZHouseholdCreated, 400: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody },
      },
    },
    async (request, reply) => {
      const created = await deps.db.transaction((tx) =>
        addHouseholdNote({
          tx,
          actor: actorOf(request),
          householdId: request.params.id,
          input: request.body,
          now: deps.clock(),
        }),
      );
      return reply.status(201).send(created);
    },
  );

  registerHouseholdPartList(app, deps, {
    path: 'documents',
    summary: 'Documents du dossier (selon leur confidentialité)',
    list: ZDocumentList,
    read: listHouseholdDocuments,
  });

  app.get(
    '/api/households/:id/documents/:docId/content',
    {
      schema: {
        tags,
        summary: 'Télécharger un document (téléchargement journalisé)',
        params: ZDocumentParams,
      },
    },
    async (request, reply) => {
      const doc = await deps.db.transaction((tx) =>
        downloadHouseholdDocument({
          tx,
          actor: actorOf(request),
          householdId: request.params.id,
          documentId: request.params.docId,
          now: deps.clock(),
        }),
      );
      return reply
        .header('content-type', doc.mimeType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
        .send(doc.content);
    },
  );

  // Multipart parsing only where uploads are accepted, with the size limit enforced while streaming.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(fastifyMultipart, {
      limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 5, fieldSize: 1000 },
    });
    scope.post(
      '/api/households/:id/documents',
      {
        schema: {
          tags,
          summary: 'Déposer un document (10 Mo au plus ; PDF, JPEG, PNG, WebP, DOCX, ODT, texte)',
          consumes: ['multipart/form-data'],
          params: ZIdParams,
          response: { 201: ZHouseholdCreated, 400: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const file = await request.file();
        if (!file) throw invalid({ file: 'Choisissez un fichier.' });
        // Form fields sent before the file part are available here.
        const sensitivityField = file.fields.sensitivity;
        const fields = parseOrInvalid(ZDocumentUploadFields, {
          sensitivity: sensitivityField && 'value' in sensitivityField ? sensitivityField.value : undefined,
        });
        const content = await file.toBuffer();
        const created = await deps.db.transaction((tx) =>
          uploadHouseholdDocument({
            tx,
            actor,
            householdId: request.params.id,
            input: {
              fileName: file.filename,
              declaredMimeType: file.mimetype,
              content,
              sensitivity: fields.sensitivity,
            },
            now: deps.clock(),
          }),
        );
        return reply.status(201).send(created);
      },
    );
  });
}
