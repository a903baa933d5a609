import type { ReactNode } from 'react';
import { isApiError } from './client.ts';

/** The part of a Mantine form (`useForm`) that server errors need. */
export interface FormWithErrors {
  setErrors: (errors: Record<string, ReactNode>) => void;
  clearErrors: () => void;
}

/**
 * Puts the server's field errors (`error.fields`, dot-joined paths such as `members.0.lastName`,
 * the same paths as Mantine form) next to the fields. Returns true when there were some.
 */
export function applyServerErrors(form: FormWithErrors, error: unknown): boolean {
  if (!isApiError(error) || !error.hasFieldErrors) return false;
  form.setErrors(error.fields);
  return true;
}
