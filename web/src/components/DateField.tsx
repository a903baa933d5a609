import { DateInput, type DateInputProps } from '@mantine/dates';

const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Reads "05/03/2026" (and ISO "2026-03-05") typed by the user. */
function parseFrenchDate(input: string): string | null {
  const text = input.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const m = FRENCH_DATE.exec(text);
  if (!m) return null;
  const [, d, mo, y] = m;
  const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

interface DateFieldProps extends Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> {
  /** `YYYY-MM-DD` as in the API, or null. */
  value?: string | null;
  onChange: (value: string | null) => void;
}

/** A calendar date typed or picked in French format (JJ/MM/AAAA), exchanged as `YYYY-MM-DD`. */
export function DateField({ value, onChange, description, ...props }: DateFieldProps) {
  return (
    <DateInput
      {...props}
      value={value || null}
      onChange={(v) => onChange(v ? v.slice(0, 10) : null)}
      valueFormat="DD/MM/YYYY"
      dateParser={parseFrenchDate}
      placeholder={props.placeholder ?? 'JJ/MM/AAAA'}
      description={description ?? 'Format : JJ/MM/AAAA'}
      clearable
      clearButtonProps={{ 'aria-label': 'Effacer la date' }}
      nextLabel="Mois suivant"
      previousLabel="Mois précédent"
    />
  );
}
