import { TextInput, type TextInputProps } from '@mantine/core';
export { parisInstant, parisLocal } from '@shared/time.ts';

/** A date and time typed or picked on a Paris clock (the browser's native picker, tablet-friendly). */
export function ParisDateTimeInput({ description = 'Heure de Paris', ...props }: TextInputProps) {
  return <TextInput type="datetime-local" description={description} {...props} />;
}
