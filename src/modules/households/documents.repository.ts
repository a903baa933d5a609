import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { Sensitivity } from '../../shared/contracts/household-enums.ts';
import { organisations } from '../organisations/schema.ts';
import { users } from '../identity/schema.ts';
import { householdDocuments } from './schema.ts';

export async function insertDocument(
  q: Queryable,
  input: {
    householdId: string;
    fileName: string;
    mimeType: string;
    sensitivity: Sensitivity;
    content: Buffer;
    userId: string;
    organisationId: string;
    at: Date;
  },
): Promise<string> {
  const [row] = await q
    .insert(householdDocuments)
    .values({
      householdId: input.householdId,
      fileName: input.fileName,
      mimeType: input.mimeType,
      sizeBytes: input.content.length,
      sensitivity: input.sensitivity,
      content: input.content,
      uploadedByUserId: input.userId,
      uploadedByOrganisationId: input.organisationId,
      createdAt: input.at,
    })
    .returning({ id: householdDocuments.id });
  return row!.id;
}

const documentColumns = {
  id: householdDocuments.id,
  fileName: householdDocuments.fileName,
  mimeType: householdDocuments.mimeType,
  sizeBytes: householdDocuments.sizeBytes,
  sensitivity: householdDocuments.sensitivity,
  uploadedByName: users.fullName,
  organisationName: organisations.name,
  createdAt: householdDocuments.createdAt,
};

/** Document descriptions (never the content) of the given sensitivities. */
export async function documentRows(q: Queryable, householdId: string, sensitivities: readonly Sensitivity[]) {
  if (sensitivities.length === 0) return [];
  return q
    .select(documentColumns)
    .from(householdDocuments)
    .leftJoin(users, eq(users.id, householdDocuments.uploadedByUserId))
    .leftJoin(organisations, eq(organisations.id, householdDocuments.uploadedByOrganisationId))
    .where(
      and(
        eq(householdDocuments.householdId, householdId),
        inArray(householdDocuments.sensitivity, [...sensitivities]),
      ),
    )
    .orderBy(desc(householdDocuments.createdAt));
}

/** One document with its content, if it belongs to the household and has one of the sensitivities. */
export async function documentContent(
  q: Queryable,
  input: { householdId: string; documentId: string; sensitivities: readonly Sensitivity[] },
) {
  if (input.sensitivities.length === 0) return null;
  const [row] = await q
    .select({
      id: householdDocuments.id,
      fileName: householdDocuments.fileName,
      mimeType: householdDocuments.mimeType,
      content: householdDocuments.content,
    })
    .from(householdDocuments)
    .where(
      and(
        eq(householdDocuments.id, input.documentId),
        eq(householdDocuments.householdId, input.householdId),
        inArray(householdDocuments.sensitivity, [...input.sensitivities]),
      ),
    );
  return row ?? null;
}
