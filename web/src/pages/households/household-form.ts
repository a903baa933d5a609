import { useForm } from '@mantine/form';
import type { z } from 'zod';
import type { HousingSituation } from '@shared/contracts/household-enums.ts';
import {
  ZHouseholdCreate,
  futureDateIssues,
  type THouseholdCreateInput,
  type THouseholdDetail,
} from '@shared/contracts/households.ts';
import {
  HOUSEHOLD_FIELDS,
  HOUSEHOLD_PARTS,
  TENANCY,
  TENANCY_FIELDS,
  type FieldSpec,
  keysOfClass,
  type HouseholdPart,
} from '@shared/households/registry.ts';
import { parisToday } from '@shared/time.ts';

/**
 * Values of the household form, built from the field registry: what the file reads, text fields
 * holding '' when empty (Mantine inputs are controlled). The paths are those of the API body, so
 * server field errors (`members.0.firstName`, `tenancy.address`) land on the right input as they are.
 */
type Values<F extends Record<string, FieldSpec>> = { [K in keyof F]: z.output<F[K]['output']> };
type Row<P extends HouseholdPart> = { id?: string } & Values<(typeof HOUSEHOLD_PARTS)[P]['fields']>;

export type MemberValues = Row<'members'>;
/** A resource names its member by position in the form ('' = the household as a whole). */
export type ResourceValues = Omit<Row<'resources'>, 'memberId' | 'monthlyAmountCents'> & {
  memberIndex: string;
  monthlyAmountCents: number | null;
};
export type ExpenseValues = Omit<Row<'expenses'>, 'monthlyAmountCents'> & {
  monthlyAmountCents: number | null;
};
export type DebtValues = Omit<Row<'debts'>, 'amountCents'> & { amountCents: number | null };
export type HousingHistoryValues = Row<'housingHistory'>;
export type TenancyValues = Omit<Values<typeof TENANCY_FIELDS>, 'address'> & { address: string };

type HouseholdValues = Values<typeof HOUSEHOLD_FIELDS>;
/** The caseworker-only fields: present in the form only when the reader may see them. */
export const CASEWORKER_FIELDS = keysOfClass(HOUSEHOLD_FIELDS, 'caseworker_only');
export type CaseworkerField = (typeof CASEWORKER_FIELDS)[number];

export type HouseholdFormValues = Omit<HouseholdValues, CaseworkerField> &
  Partial<Pick<HouseholdValues, CaseworkerField>> & {
    tenancy: TenancyValues;
    members: MemberValues[];
    resources: ResourceValues[];
    expenses: ExpenseValues[];
    debts: DebtValues[];
    housingHistory: HousingHistoryValues[];
  };

/** A field's empty value in the form. */
const emptyOf = (spec: FieldSpec) =>
  spec.display.kind === 'text' ? '' : spec.display.kind === 'boolean' ? false : null;

/** The values of a registry's fields from a source (the file as read, or nothing), empty when absent. */
function valuesOf<F extends Record<string, FieldSpec>>(fields: F, source: object = {}): Values<F> {
  const from = source as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(fields).map(([key, spec]) => [key, from[key] ?? emptyOf(spec)]),
  ) as Values<F>;
}

export const emptyMember = (isReferencePerson = false): MemberValues => ({
  ...valuesOf(HOUSEHOLD_PARTS.members.fields),
  relationship: isReferencePerson ? 'reference_person' : 'child',
  isReferencePerson,
});
export const emptyResource = (): ResourceValues => {
  const { memberId: _memberId, ...values } = valuesOf(HOUSEHOLD_PARTS.resources.fields);
  return { ...values, memberIndex: '', type: 'wages', monthlyAmountCents: null };
};
export const emptyExpense = (): ExpenseValues => ({
  ...valuesOf(HOUSEHOLD_PARTS.expenses.fields),
  category: 'rent',
  monthlyAmountCents: null,
});
export const emptyDebt = (): DebtValues => ({
  ...valuesOf(HOUSEHOLD_PARTS.debts.fields),
  kind: 'rent_arrears',
  amountCents: null,
});
export const emptyHousingHistory = (): HousingHistoryValues => ({
  ...valuesOf(HOUSEHOLD_PARTS.housingHistory.fields),
  situation: 'private_tenant',
});
const emptyTenancy = (): TenancyValues => ({ ...valuesOf(TENANCY_FIELDS), address: '' });

/** A new household: one reference person, everything else empty. */
export function newHouseholdValues(housingSituation: HousingSituation): HouseholdFormValues {
  // Caseworker-only fields join the form once the file exists and its reader may see them.
  const household = valuesOf(HOUSEHOLD_FIELDS);
  for (const field of CASEWORKER_FIELDS) delete household[field];
  return {
    ...household,
    status: 'active',
    housingSituation,
    tenancy: emptyTenancy(),
    members: [emptyMember(true)],
    resources: [],
    expenses: [],
    debts: [],
    housingHistory: [],
  };
}

/** The form as the file was read (only what the reader may see; the form is offered to party+). */
export function valuesFromDetail(d: THouseholdDetail): HouseholdFormValues {
  const household = valuesOf(HOUSEHOLD_FIELDS, d);
  for (const field of CASEWORKER_FIELDS) if (!(field in d)) delete household[field];
  const rows = <P extends HouseholdPart>(part: P, list: readonly { id: string }[] | undefined): Row<P>[] =>
    (list ?? []).map((r) => ({ id: r.id, ...valuesOf(HOUSEHOLD_PARTS[part].fields, r) }) as Row<P>);
  return {
    ...household,
    housingSituation: d.housingSituation ?? 'other',
    tenancy: d.tenancy
      ? { ...valuesOf(TENANCY_FIELDS, d.tenancy), address: d.tenancy.address }
      : emptyTenancy(),
    members: rows('members', d.members),
    resources: (d.resources ?? []).map(({ memberId: _m, memberIndex, ...r }) => ({
      ...r,
      note: r.note ?? '',
      memberIndex: memberIndex === null ? '' : String(memberIndex),
    })),
    expenses: rows('expenses', d.expenses),
    debts: rows('debts', d.debts),
    housingHistory: rows('housingHistory', d.housingHistory),
  };
}

/** Whether the dwelling section holds anything: an empty one means no current tenancy. */
const hasTenancy = (t: TenancyValues) => Object.values(t).some((v) => v !== null && v !== '');

/**
 * The API body of the file. Caseworker-only fields are sent only when they are in the form (a
 * reader who cannot see them must not send them: the server refuses such writes). Missing amounts
 * are left for the schema to report on their own path.
 */
export function bodyFromValues(v: HouseholdFormValues): THouseholdCreateInput {
  return {
    ...v,
    daloDecisionDate: v.daloRecognised ? v.daloDecisionDate : null,
    tenancy: hasTenancy(v.tenancy) ? v.tenancy : null,
    resources: v.resources.map(({ memberIndex, monthlyAmountCents, ...r }) => ({
      ...r,
      memberIndex: memberIndex === '' ? null : Number(memberIndex),
      monthlyAmountCents: monthlyAmountCents as number,
    })),
    expenses: v.expenses.map((e) => ({ ...e, monthlyAmountCents: e.monthlyAmountCents as number })),
    debts: v.debts.map((d) => ({ ...d, amountCents: d.amountCents as number })),
  };
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

/** A form checked in the browser against the request body's contract, as the server checks it. */
export const useBodyForm = <V extends Record<string, unknown>>(
  initialValues: V,
  schema: z.ZodType,
  body: (values: V) => unknown,
) => useForm<V>({ initialValues, validate: (values) => zodErrors(schema.safeParse(body(values)).error) });

/** Client-side check with the same contract as the server (plus the "not in the future" dates). */
export function validateHouseholdValues(values: HouseholdFormValues): Record<string, string> {
  const body = bodyFromValues(values);
  return {
    ...zodErrors(ZHouseholdCreate.safeParse(body).error),
    ...futureDateIssues(
      { members: values.members, daloDecisionDate: body.daloDecisionDate, housingSince: values.housingSince },
      parisToday(),
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
  tenancy: 'logement',
};
export const sectionOfPath = (path: string): FileSection =>
  SECTION_OF_HEAD[path.split('.')[0] ?? ''] ?? 'situation';

/** "Composition du ménage (ligne 2)" for `members.1.firstName`, from the registry. */
export function fieldLabelOfPath(path: string): string {
  const [head = '', index] = path.split('.');
  const label =
    head === 'tenancy'
      ? TENANCY.label
      : head in HOUSEHOLD_PARTS
        ? HOUSEHOLD_PARTS[head as HouseholdPart].label
        : ((HOUSEHOLD_FIELDS as Record<string, FieldSpec>)[head]?.label ?? 'Autre information');
  return index !== undefined && /^\d+$/.test(index) ? `${label} (ligne ${Number(index) + 1})` : label;
}
