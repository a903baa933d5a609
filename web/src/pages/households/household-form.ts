import type { z } from 'zod';
import type {
  DebtKind,
  ExpenseCategory,
  HouseholdStatus,
  HousingSituation,
  Relationship,
  ResourceType,
} from '@shared/contracts/household-enums.ts';
import {
  HOUSEHOLD_FIELD_LABELS,
  ZHouseholdCreate,
  futureDateIssues,
  type THouseholdCreateInput,
  type THouseholdDetail,
} from '@shared/contracts/households.ts';

/**
 * Values of the household form. Text fields hold '' when empty (Mantine inputs are controlled),
 * dates `YYYY-MM-DD` or null, money integer cents or null. The paths are those of the API body, so
 * server field errors (`members.0.firstName`) land on the right input as they are.
 */
export interface MemberValues {
  firstName: string;
  lastName: string;
  birthDate: string | null;
  relationship: Relationship;
  isReferencePerson: boolean;
}
export interface ResourceValues {
  /** Position of the member as a string for the Select; '' = the household as a whole. */
  memberIndex: string;
  type: ResourceType;
  monthlyAmountCents: number | null;
  note: string;
}
export interface ExpenseValues {
  category: ExpenseCategory;
  monthlyAmountCents: number | null;
  note: string;
}
export interface DebtValues {
  kind: DebtKind;
  amountCents: number | null;
  startDate: string | null;
  creditor: string;
  repaymentPlan: boolean;
  note: string;
}
export interface HousingHistoryValues {
  situation: HousingSituation;
  fromDate: string | null;
  toDate: string | null;
  address: string;
  endReason: string;
}

/** The caseworker-only texts; present in the form only when the reader may see them. */
export const CASEWORKER_FIELDS = ['healthNotes', 'justiceNotes', 'familyConflictNotes'] as const;
export type CaseworkerField = (typeof CASEWORKER_FIELDS)[number];

export interface HouseholdFormValues {
  status: HouseholdStatus;
  applicationNumber: string;
  phone: string;
  email: string;
  postalAddress: string;
  housingSituation: HousingSituation;
  housingSince: string | null;
  shelterName: string;
  dwellingAddress: string;
  dwellingCommuneId: string | null;
  landlordOrganisationId: string | null;
  managementUnitId: string | null;
  landlordName: string;
  tenantReference: string;
  monthlyRentCents: number | null;
  monthlyChargesCents: number | null;
  daloRecognised: boolean;
  daloDecisionDate: string | null;
  pdalpdPriority: boolean;
  healthNotes?: string;
  justiceNotes?: string;
  familyConflictNotes?: string;
  members: MemberValues[];
  resources: ResourceValues[];
  expenses: ExpenseValues[];
  debts: DebtValues[];
  housingHistory: HousingHistoryValues[];
}

export const emptyMember = (isReferencePerson = false): MemberValues => ({
  firstName: '',
  lastName: '',
  birthDate: null,
  relationship: isReferencePerson ? 'reference_person' : 'child',
  isReferencePerson,
});
export const emptyResource = (): ResourceValues => ({
  memberIndex: '',
  type: 'wages',
  monthlyAmountCents: null,
  note: '',
});
export const emptyExpense = (): ExpenseValues => ({ category: 'rent', monthlyAmountCents: null, note: '' });
export const emptyDebt = (): DebtValues => ({
  kind: 'rent_arrears',
  amountCents: null,
  startDate: null,
  creditor: '',
  repaymentPlan: false,
  note: '',
});
export const emptyHousingHistory = (): HousingHistoryValues => ({
  situation: 'private_tenant',
  fromDate: null,
  toDate: null,
  address: '',
  endReason: '',
});

/** A new household: one reference person, everything else empty. */
export function newHouseholdValues(housingSituation: HousingSituation): HouseholdFormValues {
  return {
    status: 'active',
    applicationNumber: '',
    phone: '',
    email: '',
    postalAddress: '',
    housingSituation,
    housingSince: null,
    shelterName: '',
    dwellingAddress: '',
    dwellingCommuneId: null,
    landlordOrganisationId: null,
    managementUnitId: null,
    landlordName: '',
    tenantReference: '',
    monthlyRentCents: null,
    monthlyChargesCents: null,
    daloRecognised: false,
    daloDecisionDate: null,
    pdalpdPriority: false,
    members: [emptyMember(true)],
    resources: [],
    expenses: [],
    debts: [],
    housingHistory: [],
  };
}

const text = (v: string | null | undefined) => v ?? '';

/** The form as the file was read (only what the reader may see; the form is offered to party+). */
export function valuesFromDetail(d: THouseholdDetail): HouseholdFormValues {
  const values: HouseholdFormValues = {
    status: d.status,
    applicationNumber: text(d.applicationNumber),
    phone: text(d.phone),
    email: text(d.email),
    postalAddress: text(d.postalAddress),
    housingSituation: d.housingSituation ?? 'other',
    housingSince: d.housingSince ?? null,
    shelterName: text(d.shelterName),
    dwellingAddress: text(d.dwellingAddress),
    dwellingCommuneId: d.dwellingCommuneId ?? null,
    landlordOrganisationId: d.landlordOrganisationId ?? null,
    managementUnitId: d.managementUnitId ?? null,
    landlordName: text(d.landlordName),
    tenantReference: text(d.tenantReference),
    monthlyRentCents: d.monthlyRentCents ?? null,
    monthlyChargesCents: d.monthlyChargesCents ?? null,
    daloRecognised: d.daloRecognised ?? false,
    daloDecisionDate: d.daloDecisionDate ?? null,
    pdalpdPriority: d.pdalpdPriority ?? false,
    members: (d.members ?? []).map((m) => ({
      firstName: m.firstName,
      lastName: m.lastName,
      birthDate: m.birthDate,
      relationship: m.relationship,
      isReferencePerson: m.isReferencePerson,
    })),
    resources: (d.resources ?? []).map((r) => ({
      memberIndex: r.memberIndex === null ? '' : String(r.memberIndex),
      type: r.type,
      monthlyAmountCents: r.monthlyAmountCents,
      note: text(r.note),
    })),
    expenses: (d.expenses ?? []).map((e) => ({
      category: e.category,
      monthlyAmountCents: e.monthlyAmountCents,
      note: text(e.note),
    })),
    debts: (d.debts ?? []).map((x) => ({
      kind: x.kind,
      amountCents: x.amountCents,
      startDate: x.startDate,
      creditor: text(x.creditor),
      repaymentPlan: x.repaymentPlan,
      note: text(x.note),
    })),
    housingHistory: (d.housingHistory ?? []).map((h) => ({
      situation: h.situation,
      fromDate: h.fromDate,
      toDate: h.toDate,
      address: text(h.address),
      endReason: text(h.endReason),
    })),
  };
  for (const field of CASEWORKER_FIELDS) {
    if (field in d) values[field] = text(d[field]);
  }
  return values;
}

/**
 * The API body of the file. Caseworker-only fields are sent only when they are in the form (a
 * reader who cannot see them must not send them: the server refuses such writes).
 */
export function bodyFromValues(v: HouseholdFormValues): THouseholdCreateInput {
  const body: THouseholdCreateInput = {
    status: v.status,
    applicationNumber: v.applicationNumber.trim() || null,
    phone: v.phone,
    email: v.email.trim() || null,
    postalAddress: v.postalAddress,
    housingSituation: v.housingSituation,
    housingSince: v.housingSince,
    shelterName: v.shelterName,
    dwellingAddress: v.dwellingAddress,
    dwellingCommuneId: v.dwellingCommuneId,
    landlordOrganisationId: v.landlordOrganisationId,
    managementUnitId: v.managementUnitId,
    landlordName: v.landlordName,
    tenantReference: v.tenantReference,
    monthlyRentCents: v.monthlyRentCents,
    monthlyChargesCents: v.monthlyChargesCents,
    daloRecognised: v.daloRecognised,
    daloDecisionDate: v.daloRecognised ? v.daloDecisionDate : null,
    pdalpdPriority: v.pdalpdPriority,
    members: v.members,
    resources: v.resources.map((r) => ({
      memberIndex: r.memberIndex === '' ? null : Number(r.memberIndex),
      type: r.type,
      // A missing amount is left for the schema to report on this very path.
      monthlyAmountCents: r.monthlyAmountCents as number,
      note: r.note,
    })),
    expenses: v.expenses.map((e) => ({ ...e, monthlyAmountCents: e.monthlyAmountCents as number })),
    debts: v.debts.map((d) => ({ ...d, amountCents: d.amountCents as number })),
    housingHistory: v.housingHistory,
  };
  for (const field of CASEWORKER_FIELDS) {
    if (v[field] !== undefined) body[field] = v[field];
  }
  return body;
}

/** Zod issues as Mantine form errors, keyed by dot-joined path (the first message per path). */
export function zodErrors(error: z.ZodError | undefined, prefix = ''): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error?.issues ?? []) {
    const path = prefix + issue.path.map(String).join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

export const todayIso = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

/** Client-side check with the same contract as the server (plus the "not in the future" dates). */
export function validateHouseholdValues(values: HouseholdFormValues): Record<string, string> {
  const body = bodyFromValues(values);
  const parsed = ZHouseholdCreate.safeParse(body);
  return {
    ...zodErrors(parsed.error),
    ...futureDateIssues(
      { members: values.members, daloDecisionDate: body.daloDecisionDate, housingSince: values.housingSince },
      todayIso(),
    ),
  };
}

/** Where each part of the file is edited (the tab), to point the user to errors on hidden tabs. */
export type FileSection = 'situation' | 'membres' | 'ressources' | 'logement';
const SECTION_OF_HEAD: Partial<Record<string, FileSection>> = {
  members: 'membres',
  resources: 'ressources',
  expenses: 'ressources',
  debts: 'ressources',
  housingHistory: 'logement',
};
export const sectionOfPath = (path: string): FileSection =>
  SECTION_OF_HEAD[path.split('.')[0] ?? ''] ?? 'situation';

/** "Composition du ménage (ligne 2)" for `members.1.firstName`. */
export function fieldLabelOfPath(path: string): string {
  const [head, index] = path.split('.');
  const label = HOUSEHOLD_FIELD_LABELS[head as keyof typeof HOUSEHOLD_FIELD_LABELS] ?? head ?? path;
  return index !== undefined && /^\d+$/.test(index) ? `${label} (ligne ${Number(index) + 1})` : label;
}
