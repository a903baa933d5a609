import { and, eq } from 'drizzle-orm';
import type { ZodType } from 'zod';
import type { Queryable } from '../../kernel/db.ts';
import { forbidden, invalid, type FieldErrors } from '../../kernel/errors.ts';
import {
  futureDateIssues,
  HOUSEHOLD_FIELD_LABELS,
  type THouseholdCreate,
} from '../../shared/contracts/households.ts';
import type { HouseholdAccessLevel } from '../../shared/access/household-access.ts';
import { canSeeField } from '../../shared/access/household-fields.ts';
import { managementUnits, organisations, territories } from '../organisations/schema.ts';
import type { HouseholdSnapshot, SnapshotField } from './household-diff.ts';
import { parisDate } from '../../shared/time.ts';

/** Parses with a shared schema for callers outside an HTTP route; issues become field errors. */
export function parseOrInvalid<T extends ZodType>(schema: T, input: unknown): ReturnType<T['parse']> {
  const result = schema.safeParse(input);
  if (result.success) return result.data as ReturnType<T['parse']>;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  throw invalid(fields);
}

const hasValue = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);

/** The file as entered, every optional value made explicit (absent = empty). */
function snapshotOfInput(input: THouseholdCreate, current: HouseholdSnapshot): HouseholdSnapshot {
  return {
    status: input.status ?? current.status,
    applicationNumber: input.applicationNumber ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    postalAddress: input.postalAddress ?? null,
    housingSituation: input.housingSituation,
    housingSince: input.housingSince ?? null,
    shelterName: input.shelterName ?? null,
    dwellingAddress: input.dwellingAddress ?? null,
    dwellingCommuneId: input.dwellingCommuneId ?? null,
    landlordOrganisationId: input.landlordOrganisationId ?? null,
    managementUnitId: input.managementUnitId ?? null,
    landlordName: input.landlordName ?? null,
    tenantReference: input.tenantReference ?? null,
    monthlyRentCents: input.monthlyRentCents ?? null,
    monthlyChargesCents: input.monthlyChargesCents ?? null,
    daloRecognised: input.daloRecognised,
    daloDecisionDate: input.daloDecisionDate ?? null,
    pdalpdPriority: input.pdalpdPriority,
    healthNotes: input.healthNotes ?? null,
    justiceNotes: input.justiceNotes ?? null,
    familyConflictNotes: input.familyConflictNotes ?? null,
    members: input.members.map((m) => ({
      firstName: m.firstName,
      lastName: m.lastName,
      birthDate: m.birthDate ?? null,
      relationship: m.relationship,
      isReferencePerson: m.isReferencePerson,
    })),
    resources: input.resources.map((r) => ({
      memberIndex: r.memberIndex ?? null,
      type: r.type,
      monthlyAmountCents: r.monthlyAmountCents,
      note: r.note ?? null,
    })),
    expenses: input.expenses.map((e) => ({
      category: e.category,
      monthlyAmountCents: e.monthlyAmountCents,
      note: e.note ?? null,
    })),
    debts: input.debts.map((d) => ({
      kind: d.kind,
      amountCents: d.amountCents,
      startDate: d.startDate ?? null,
      creditor: d.creditor ?? null,
      repaymentPlan: d.repaymentPlan,
      note: d.note ?? null,
    })),
    housingHistory: input.housingHistory.map((e) => ({
      situation: e.situation,
      fromDate: e.fromDate ?? null,
      toDate: e.toDate ?? null,
      address: e.address ?? null,
      endReason: e.endReason ?? null,
    })),
  };
}

/**
 * The file to save from a writer's input. A writer may not write what its level does not let it
 * read (403); those parts keep their current value, so a partner who never saw the health notes
 * cannot erase them by saving the file it was shown. Dates are checked against the server's today.
 */
export function snapshotToSave(
  input: THouseholdCreate,
  current: HouseholdSnapshot,
  level: HouseholdAccessLevel,
  now: Date,
): HouseholdSnapshot {
  const entered = snapshotOfInput(input, current);
  const fields = Object.keys(entered) as SnapshotField[];
  const hidden = fields.filter((f) => !canSeeField(level, f));
  const refused = hidden.filter((f) => hasValue(input[f as keyof THouseholdCreate]));
  if (refused.length > 0) {
    throw forbidden(
      `Vous ne pouvez pas renseigner ces informations : ${refused.map((f) => HOUSEHOLD_FIELD_LABELS[f]).join(', ')}.`,
    );
  }
  const issues = futureDateIssues(input, parisDate(now));
  if (Object.keys(issues).length > 0) throw invalid(issues);
  const toSave: HouseholdSnapshot = { ...entered };
  for (const f of hidden) Object.assign(toSave, { [f]: current[f] });
  return toSave;
}

/** The ids the file points at must exist (and the management unit belong to the landlord). */
export async function checkReferences(q: Queryable, s: HouseholdSnapshot): Promise<void> {
  const fields: FieldErrors = {};
  if (s.landlordOrganisationId) {
    const [org] = await q
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, s.landlordOrganisationId), eq(organisations.type, 'landlord')));
    if (!org) fields.landlordOrganisationId = 'Bailleur inconnu.';
  }
  if (s.managementUnitId) {
    const [unit] = await q
      .select({ organisationId: managementUnits.organisationId })
      .from(managementUnits)
      .where(eq(managementUnits.id, s.managementUnitId));
    if (!unit || unit.organisationId !== s.landlordOrganisationId) {
      fields.managementUnitId = 'Unité de gestion inconnue pour ce bailleur.';
    }
  }
  if (s.dwellingCommuneId) {
    const [commune] = await q
      .select({ id: territories.id })
      .from(territories)
      .where(and(eq(territories.id, s.dwellingCommuneId), eq(territories.kind, 'commune')));
    if (!commune) fields.dwellingCommuneId = 'Commune inconnue.';
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
}
