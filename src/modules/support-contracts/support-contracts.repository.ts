import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { organisations } from '../organisations/schema.ts';
import { supportContractSignatures, supportContractVersions, supportContracts } from './schema.ts';

export type ContractRow = typeof supportContracts.$inferSelect;
export type VersionRow = typeof supportContractVersions.$inferSelect;
export type SignatureRow = typeof supportContractSignatures.$inferSelect;

export interface ContractRecord {
  contract: ContractRow;
  /** Latest first, each with its signatures. */
  versions: (VersionRow & { signatures: SignatureRow[] })[];
}

/** The contract of a measure with its versions and signatures (null when none was generated). */
export async function findContract(
  q: Queryable,
  householdId: string,
  measureId: string,
): Promise<ContractRecord | null> {
  const [contract] = await q
    .select()
    .from(supportContracts)
    .where(and(eq(supportContracts.measureId, measureId), eq(supportContracts.householdId, householdId)));
  if (!contract) return null;
  const versions = await q
    .select()
    .from(supportContractVersions)
    .where(eq(supportContractVersions.contractId, contract.id))
    .orderBy(desc(supportContractVersions.number));
  const signatures = await q
    .select()
    .from(supportContractSignatures)
    .where(
      inArray(
        supportContractSignatures.versionId,
        versions.map((v) => v.id),
      ),
    )
    .orderBy(asc(supportContractSignatures.signedAt));
  return {
    contract,
    versions: versions.map((v) => ({ ...v, signatures: signatures.filter((s) => s.versionId === v.id) })),
  };
}

/** The latest version of a measure's contract (its number and status), null when none was generated. */
export async function latestContractVersion(q: Queryable, householdId: string, measureId: string) {
  const [row] = await q
    .select({ number: supportContractVersions.number, status: supportContractVersions.status })
    .from(supportContractVersions)
    .innerJoin(supportContracts, eq(supportContracts.id, supportContractVersions.contractId))
    .where(and(eq(supportContracts.measureId, measureId), eq(supportContracts.householdId, householdId)))
    .orderBy(desc(supportContractVersions.number))
    .limit(1);
  return row ?? null;
}

/** A new contract, or null when the measure already has one (a concurrent generation: 409). */
export async function insertContract(
  q: Queryable,
  values: typeof supportContracts.$inferInsert,
): Promise<string | null> {
  const [row] = await q
    .insert(supportContracts)
    .values(values)
    .onConflictDoNothing({ target: supportContracts.measureId })
    .returning({ id: supportContracts.id });
  return row?.id ?? null;
}

/**
 * Moves the contract's row version on from the one the writer read: false when someone else
 * changed the contract first (the caller answers 409). Called before the change it guards.
 */
export async function claimContract(
  q: Queryable,
  input: { id: string; rowVersion: number; at: Date },
): Promise<boolean> {
  const rows = await q
    .update(supportContracts)
    .set({ updatedAt: input.at, rowVersion: sql`${supportContracts.rowVersion} + 1` })
    .where(and(eq(supportContracts.id, input.id), eq(supportContracts.rowVersion, input.rowVersion)))
    .returning({ id: supportContracts.id });
  return rows.length > 0;
}

export async function insertVersion(q: Queryable, values: typeof supportContractVersions.$inferInsert) {
  await q.insert(supportContractVersions).values(values);
}

export async function updateVersion(
  q: Queryable,
  versionId: string,
  values: Partial<typeof supportContractVersions.$inferInsert>,
) {
  await q.update(supportContractVersions).set(values).where(eq(supportContractVersions.id, versionId));
}

export async function insertSignature(q: Queryable, values: typeof supportContractSignatures.$inferInsert) {
  await q.insert(supportContractSignatures).values(values);
}

/** The objectives of the household's contract versions in force, with their measure. */
export const objectivesInForce = (q: Queryable, householdId: string) =>
  q
    .select({
      versionId: supportContractVersions.id,
      measureId: supportContracts.measureId,
      objectives: supportContractVersions.objectives,
    })
    .from(supportContractVersions)
    .innerJoin(supportContracts, eq(supportContracts.id, supportContractVersions.contractId))
    .where(
      and(eq(supportContracts.householdId, householdId), eq(supportContractVersions.status, 'in_force')),
    );

/** Every signature of the household's contracts, for its timeline. */
export const contractSignaturesOf = (q: Queryable, householdId: string) =>
  q
    .select({
      id: supportContractSignatures.id,
      measureId: supportContracts.measureId,
      versionNumber: supportContractVersions.number,
      party: supportContractSignatures.party,
      signerName: supportContractSignatures.signerName,
      signedAt: supportContractSignatures.signedAt,
      byOrganisationId: supportContractSignatures.organisationId,
      byOrganisationName: organisations.name,
    })
    .from(supportContractSignatures)
    .innerJoin(supportContractVersions, eq(supportContractVersions.id, supportContractSignatures.versionId))
    .innerJoin(supportContracts, eq(supportContracts.id, supportContractVersions.contractId))
    .innerJoin(organisations, eq(organisations.id, supportContractSignatures.organisationId))
    .where(eq(supportContracts.householdId, householdId))
    .orderBy(asc(supportContractSignatures.signedAt));
