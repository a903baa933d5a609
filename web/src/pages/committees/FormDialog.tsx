import type { ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';

interface FormDialogProps<V> {
  title: string;
  intro?: ReactNode;
  form: UseFormReturnType<V>;
  mutation: { error: unknown; isPending: boolean };
  onSubmit: (values: V) => void;
  onClose: () => void;
  submitLabel: string;
  children: ReactNode;
}

/** A form in a dialog: its fields, the server's message (field errors land under the fields), submit. */
export function FormDialog<V>({ form, mutation, ...props }: FormDialogProps<V>) {
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
          <ApiErrorAlert error={mutation.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
