import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import type { ApiError } from '../api/client.ts';
import { zodErrors } from '../pages/households/household-form.ts';
import { ApiErrorAlert } from './ApiErrorAlert.tsx';

/**
 * A dialog's form, checked against the same body contract as the server: `body` turns what was
 * typed into the request's body (dates, numbers, the record's version), so errors land on its paths.
 * `required` names the fields left empty in words, where the contract would only see a bad value.
 */
export function useBodyForm<V extends Record<string, unknown>>(
  initialValues: V,
  schema: z.ZodType,
  body: (values: V) => unknown,
  required: Partial<Record<keyof V, string>> = {},
) {
  return useForm<V>({
    initialValues,
    validate: (values) => ({
      ...zodErrors(schema.safeParse(body(values)).error),
      ...Object.fromEntries(
        Object.entries(required).filter(([key]) => values[key] === null || values[key] === ''),
      ),
    }),
  });
}

export interface FormDialogProps<V> {
  title: string;
  intro?: ReactNode;
  form: UseFormReturnType<V>;
  mutation: { error: ApiError | null; isPending: boolean; reset: () => void };
  /** Sends the request (each action calls its own route). */
  onSubmit: (values: V) => void;
  /** On a version conflict: reload the record; the dialog keeps what was typed (default: reload the page). */
  onReload?: () => void;
  onClose: () => void;
  submitLabel: string;
  danger?: boolean;
  /** Shown instead of the error alert when the caller explains the failure itself. */
  errorOverride?: ReactNode;
  children: ReactNode;
}

/** One action in a dialog: its fields, the failure (a conflict offers a reload), cancel and submit. */
export function FormDialog<V>(props: FormDialogProps<V>) {
  const { form, mutation } = props;
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.title}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      <form noValidate onSubmit={form.onSubmit((values) => props.onSubmit(values))}>
        <Stack>
          {props.intro && <Text size="sm">{props.intro}</Text>}
          {props.children}
          {props.errorOverride || (
            <ApiErrorAlert
              error={mutation.error}
              onReload={
                props.onReload &&
                (() => {
                  mutation.reset();
                  props.onReload?.();
                })
              }
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Annuler
            </Button>
            <Button type="submit" color={props.danger ? 'red' : undefined} loading={mutation.isPending}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A button that opens a dialog; `dialog(close)` renders it while open (its state starts afresh). */
export function DialogButton({
  label,
  variant = 'filled',
  dialog,
}: {
  label: string;
  variant?: 'filled' | 'light';
  dialog: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open && dialog(() => setOpen(false))}
    </>
  );
}
