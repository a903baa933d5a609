import { Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ZTaskClose, type TTask, type TTaskClose } from '@shared/contracts/tasks.ts';
import { TASK_ROUTES } from '@shared/routes/tasks.ts';
import { useApiMutation, type ApiMutationOptions } from '../../api/hooks.ts';
import { callRoute, routeKey } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { zodErrors } from '../households/household-form.ts';

/** The answers a task change refreshes: the household's tasks (if it has one) and my home page's list. */
export const taskKeys = (householdId: string | null) => [
  ...(householdId ? [routeKey(TASK_ROUTES.list, { params: { id: householdId } })] : []),
  routeKey(TASK_ROUTES.mine, {}),
];

/** Closes a task through its route: the household's, or the dwelling's for a GLA plan's task. */
export const useCloseTask = (options: ApiMutationOptions<{ task: TTask; body: TTaskClose }, TTask>) =>
  useApiMutation(
    ({ task, body }: { task: TTask; body: TTaskClose }) =>
      task.householdId
        ? callRoute(TASK_ROUTES.close, { params: { id: task.householdId, taskId: task.id }, body })
        : callRoute(TASK_ROUTES.closeDwellingTask, { params: { taskId: task.id }, body }),
    options,
  );

/** "Done" and "Dismiss" for an open task, named after it for screen readers. */
export function TaskCloseButtons({
  task,
  onDone,
  onDismiss,
  pending,
}: {
  task: TTask;
  onDone: (task: TTask) => void;
  onDismiss: (task: TTask) => void;
  pending: boolean;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        aria-label={`Marquer « ${task.title} » comme faite`}
        onClick={() => onDone(task)}
        loading={pending}
      >
        Faite
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        aria-label={`Abandonner « ${task.title} »`}
        onClick={() => onDismiss(task)}
      >
        Abandonner
      </Button>
    </Group>
  );
}

/** Dismissing a task says why (kept with it, never deleted). */
export function DismissForm({
  task,
  successMessage,
  submitLabel,
  onDone,
}: {
  task: TTask;
  successMessage: string;
  submitLabel: string;
  onDone: () => void;
}) {
  const form = useForm<{ note: string }>({
    initialValues: { note: '' },
    validate: (v) => zodErrors(ZTaskClose.safeParse({ outcome: 'dismissed', ...v }).error),
  });
  const dismiss = useCloseTask({
    form,
    invalidate: taskKeys(task.householdId),
    successMessage,
    onSuccess: onDone,
  });
  return (
    <Card
      withBorder
      component="form"
      noValidate
      aria-label={`Abandonner « ${task.title} »`}
      onSubmit={form.onSubmit((v) => dismiss.mutate({ task, body: { outcome: 'dismissed', note: v.note } }))}
    >
      <Stack gap="sm">
        <Text fw={600}>Abandonner « {task.title} »</Text>
        <Textarea
          label="Pourquoi l’abandonner ?"
          required
          autosize
          minRows={2}
          {...form.getInputProps('note')}
        />
        <ApiErrorAlert error={dismiss.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Annuler
          </Button>
          <Button type="submit" color="red" loading={dismiss.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
