import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { ApiErrorAlert } from './ApiErrorAlert.tsx';

interface ConfirmButtonProps extends Omit<ButtonProps, 'children' | 'onClick'> {
  children: ReactNode;
  /** The question of the dialog, e.g. "Désactiver Marie Dupont ?". */
  title: string;
  message?: ReactNode;
  confirmLabel?: string;
  /** Red confirmation button for destructive actions. */
  danger?: boolean;
  /** The dialog stays open (with the error) when this rejects. */
  onConfirm: () => Promise<unknown>;
}

/** A button that asks for confirmation in a modal before acting. */
export function ConfirmButton({
  children,
  title,
  message,
  confirmLabel = 'Confirmer',
  danger = false,
  onConfirm,
  ...buttonProps
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const close = () => {
    setOpen(false);
    setError(null);
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button {...buttonProps} color={danger ? 'red' : buttonProps.color} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Modal opened={open} onClose={close} title={title} centered>
        <Stack>
          {message && <Text>{message}</Text>}
          <ApiErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Annuler
            </Button>
            <Button color={danger ? 'red' : undefined} loading={busy} onClick={() => void confirm()}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
