import { NumberInput, type NumberInputProps } from '@mantine/core';

interface MoneyInputProps extends Omit<NumberInputProps, 'value' | 'onChange' | 'defaultValue'> {
  /** Integer cents, as in the API; null when empty. */
  value?: number | null;
  onChange: (cents: number | null) => void;
}

/**
 * Euros in the field ("1 234,56 €"), integer cents in and out, so it plugs into
 * `form.getInputProps('rentCents')` directly.
 */
export function MoneyInput({ value, onChange, ...props }: MoneyInputProps) {
  return (
    <NumberInput
      {...props}
      value={value === null || value === undefined ? '' : value / 100}
      onChange={(v) => {
        if (v === '' || v === '-') return onChange(null);
        const euros = typeof v === 'number' ? v : Number(String(v).replace(',', '.'));
        onChange(Number.isFinite(euros) ? Math.round(euros * 100) : null);
      }}
      decimalScale={2}
      decimalSeparator=","
      thousandSeparator=" "
      suffix=" €"
      allowNegative={false}
      hideControls
      inputMode="decimal"
    />
  );
}
