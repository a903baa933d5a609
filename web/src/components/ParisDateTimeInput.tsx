import { TextInput, type TextInputProps } from '@mantine/core';
import { PARIS_TIME_ZONE } from '@shared/time.ts';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});

/** How far Paris clocks are ahead of UTC at an instant, in ms (one or two hours). */
function parisOffset(at: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(at)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - Math.floor(at / 60_000) * 60_000;
}

/**
 * `YYYY-MM-DDTHH:mm` read on a Paris clock → the ISO instant, whatever the browser's time zone;
 * '' when incomplete, so that the schema reports it on the field.
 */
export function parisInstant(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return '';
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The offset is taken again at the first guess: near a clock change the wall time decides it.
  const guess = wall - parisOffset(wall);
  return new Date(wall - parisOffset(guess)).toISOString();
}

/** An instant read on a Paris clock as `YYYY-MM-DDTHH:mm` (the input's value), whatever the browser's zone. */
export function parisLocal(at: Date): string {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value.padStart(2, '0')]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A date and time typed or picked on a Paris clock (the browser's native picker, tablet-friendly). */
export function ParisDateTimeInput({ description = 'Heure de Paris', ...props }: TextInputProps) {
  return <TextInput type="datetime-local" description={description} {...props} />;
}
