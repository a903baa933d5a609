import type { Routes } from '../../kernel/routes.ts';
import { HOUSEHOLD_PART_ROUTES, HOUSEHOLD_ROUTES as R } from '../../shared/routes/households.ts';
import type { HouseholdPart } from '../../shared/households/registry.ts';
import { createHousehold } from './use-cases/create-household.ts';
import { listHouseholds, type WatchStatusPort } from './use-cases/list-households.ts';
import { getHousehold } from './use-cases/get-household.ts';
import { updateHousehold } from './use-cases/update-household.ts';
import { getHouseholdHistory } from './use-cases/get-household-history.ts';
import { listHouseholdAudit } from './use-cases/list-household-audit.ts';
import { listHouseholdNotes } from './use-cases/list-household-notes.ts';
import { addHouseholdNote } from './use-cases/add-household-note.ts';
import { listHouseholdDocuments } from './use-cases/list-household-documents.ts';
import { uploadHouseholdDocument } from './use-cases/upload-household-document.ts';
import { downloadHouseholdDocument } from './use-cases/download-household-document.ts';
import { listHouseholdParties } from './use-cases/list-household-parties.ts';
import { listHouseholdConsents } from './use-cases/list-household-consents.ts';
import { recordConsent } from './use-cases/record-consent.ts';
import { revokeConsent } from './use-cases/revoke-consent.ts';
import { addHouseholdRow } from './use-cases/add-household-row.ts';
import { changeHouseholdRow } from './use-cases/change-household-row.ts';
import { removeHouseholdRow } from './use-cases/remove-household-row.ts';
import { recordEvictionStep } from './use-cases/record-eviction-step.ts';
import { closeEvictionProcedure } from './use-cases/close-eviction-procedure.ts';

/** The ports the app wires into the households' routes (modules this one cannot import answer them). */
export interface HouseholdsPorts {
  watchStatus?: WatchStatusPort;
}

/** The household file and its parts (transport only: each route calls one use case). */
export function householdsRoutes(routes: Routes, ports: HouseholdsPorts = {}): void {
  routes.add(R.list, (ctx, { query }) => listHouseholds(ctx, query, ports.watchStatus));
  routes.add(R.create, (ctx, { body: { basis, ...file } }) => createHousehold(ctx, { file, basis }));
  // No transaction: the read and its audit entry are one statement (see getHousehold).
  routes.add(R.get, (ctx, { params }) => getHousehold(ctx, params.id));
  routes.add(R.update, (ctx, { params, body }) => updateHousehold(ctx, { householdId: params.id, ...body }));
  routes.add(R.history, async (ctx, { params }) => ({ items: await getHouseholdHistory(ctx, params.id) }));
  routes.add(R.audit, async (ctx, { params }) => ({ items: await listHouseholdAudit(ctx, params.id) }));
  routes.add(R.notes, async (ctx, { params }) => ({ items: await listHouseholdNotes(ctx, params.id) }));
  routes.add(R.addNote, (ctx, { params, body }) =>
    addHouseholdNote(ctx, { householdId: params.id, ...body }),
  );
  routes.add(R.documents, async (ctx, { params }) => ({
    items: await listHouseholdDocuments(ctx, params.id),
  }));
  routes.add(R.uploadDocument, (ctx, { params, body: { file, sensitivity } }) =>
    uploadHouseholdDocument(ctx, { householdId: params.id, ...file, sensitivity }),
  );
  routes.add(R.documentContent, (ctx, { params }) =>
    downloadHouseholdDocument(ctx, { householdId: params.id, documentId: params.docId }),
  );
  routes.add(R.parties, async (ctx, { params }) => ({ items: await listHouseholdParties(ctx, params.id) }));
  routes.add(R.consents, async (ctx, { params }) => ({ items: await listHouseholdConsents(ctx, params.id) }));
  routes.add(R.recordConsent, (ctx, { params, body }) =>
    recordConsent(ctx, { householdId: params.id, ...body }),
  );
  routes.add(R.revokeConsent, (ctx, { params, body }) =>
    revokeConsent(ctx, { householdId: params.id, consentId: params.consentId, reason: body.reason }),
  );
  routes.add(R.recordEvictionStep, (ctx, { params, body }) =>
    recordEvictionStep(ctx, { householdId: params.id, ...body }),
  );
  routes.add(R.closeEvictionProcedure, (ctx, { params, body }) =>
    closeEvictionProcedure(ctx, { householdId: params.id, reason: body.reason }),
  );
  for (const part of Object.keys(HOUSEHOLD_PART_ROUTES) as HouseholdPart[]) rowRoutes(routes, part);
}

/** One list part's rows: add, change, remove, each at the version of the file read. */
function rowRoutes(routes: Routes, part: HouseholdPart): void {
  const P = HOUSEHOLD_PART_ROUTES[part];
  routes.add(P.add, (ctx, { params, body: { version, ...values } }) =>
    addHouseholdRow(ctx, part, { householdId: params.id, version, values }),
  );
  routes.add(P.change, (ctx, { params, body: { version, ...values } }) =>
    changeHouseholdRow(ctx, part, { householdId: params.id, rowId: params.rowId, version, values }),
  );
  routes.add(P.remove, (ctx, { params, query }) =>
    removeHouseholdRow(ctx, part, { householdId: params.id, rowId: params.rowId, version: query.version }),
  );
}
