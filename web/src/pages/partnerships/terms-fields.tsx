import { NumberInput, Select, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { FEE_MODE_LABELS, type FeeMode, type TConvention } from '@shared/contracts/partnerships.ts';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { optionsOf } from '../households/organisations.ts';

/** What the fee and commitments fields hold, in a new convention's or an amendment's form. */
export type TermsValues = {
  feeMode: FeeMode;
  perDwellingYearCents: number | null;
  percent: number | string;
  commitments: string;
};

export const termsValuesOf = (c: Pick<TConvention, 'fee' | 'commitments'>): TermsValues => ({
  feeMode: c.fee.mode,
  perDwellingYearCents: c.fee.mode === 'per_dwelling_year' ? c.fee.perDwellingYearCents : 30_000,
  percent: c.fee.mode === 'rent_share' ? c.fee.perMille / 10 : 10,
  commitments: c.commitments.join('\n'),
});

export const feeOfValues = (v: TermsValues): TConvention['fee'] =>
  v.feeMode === 'per_dwelling_year'
    ? { mode: 'per_dwelling_year', perDwellingYearCents: v.perDwellingYearCents ?? 0 }
    : { mode: 'rent_share', perMille: Math.round(Number(v.percent || 0) * 10) };

export const commitmentsOfValues = (v: TermsValues) =>
  v.commitments
    .split('\n')
    .map((c) => c.trim())
    .filter(Boolean);

/** The management fee: its mode and its amount (per dwelling-year, or a share of the rent). */
export function FeeFields<V extends TermsValues>({ form }: { form: UseFormReturnType<V> }) {
  return (
    <>
      <Select
        label="Participation aux frais de gestion"
        required
        allowDeselect={false}
        data={optionsOf(FEE_MODE_LABELS)}
        {...form.getInputProps('feeMode')}
      />
      {form.values.feeMode === 'per_dwelling_year' ? (
        <MoneyInput
          label="Montant par logement et par an"
          required
          {...form.getInputProps('perDwellingYearCents')}
          error={form.errors['fee.perDwellingYearCents']}
        />
      ) : (
        <NumberInput
          label="Part du loyer hors charges (%)"
          min={0}
          max={100}
          decimalScale={1}
          decimalSeparator=","
          required
          {...form.getInputProps('percent')}
          error={form.errors['fee.perMille']}
        />
      )}
    </>
  );
}

export function CommitmentsField<V extends TermsValues>({ form }: { form: UseFormReturnType<V> }) {
  return (
    <Textarea
      label="Engagements d’accompagnement"
      description="Un engagement par ligne."
      autosize
      minRows={3}
      {...form.getInputProps('commitments')}
    />
  );
}
