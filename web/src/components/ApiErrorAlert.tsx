import { Alert, Button, Stack, Text } from '@mantine/core';
import { isApiError } from '../api/client.ts';

interface ApiErrorAlertProps {
  error: unknown;
  /** On VERSION_CONFLICT: reload the data (default: reload the page). */
  onReload?: () => void;
  title?: string;
}

/**
 * The message of a failed request, announced to screen readers. A version conflict (someone else
 * saved first) gets its own explanation and a reload button.
 */
export function ApiErrorAlert({ error, onReload, title }: ApiErrorAlertProps) {
  if (!error) return null;
  if (isApiError(error) && error.isVersionConflict) {
    return (
      <Alert color="orange" role="alert" title="Modifié entre-temps par quelqu’un d’autre">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{error.message}</Text>
          <Button
            size="xs"
            variant="filled"
            color="orange"
            onClick={onReload ?? (() => window.location.reload())}
          >
            Recharger les données
          </Button>
        </Stack>
      </Alert>
    );
  }
  const message = error instanceof Error ? error.message : 'Une erreur est survenue.';
  return (
    <Alert color="red" role="alert" title={title ?? 'Erreur'}>
      {message}
      {isApiError(error) && error.hasFieldErrors && (
        <Text size="sm" mt={4}>
          Corrigez les champs signalés ci-dessous.
        </Text>
      )}
    </Alert>
  );
}
