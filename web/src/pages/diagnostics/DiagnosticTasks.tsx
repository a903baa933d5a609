import { useMemo, useState } from 'react';
import { Button, Card, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { TASK_STATUS_LABELS, ZTaskCreate, type TTask } from '@shared/contracts/tasks.ts';
import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { TASK_ROUTES } from '@shared/routes/tasks.ts';
import { formatDate } from '@shared/format.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { zodErrors } from '../households/household-form.ts';
import { DueDate } from '../tasks/MyTasksSection.tsx';
import { DismissForm, TaskCloseButtons, taskKeys } from '../tasks/TaskActions.tsx';

interface NewTaskValues {
  title: string;
  /** `user:<id>` or `org:<id>`. */
  owner: string | null;
  dueOn: string | null;
}

const bodyOf = (v: NewTaskValues, diagnosticId: string) => {
  const [kind, id] = v.owner?.split(':') ?? [];
  return {
    title: v.title,
    dueOn: v.dueOn,
    ownerUserId: kind === 'user' ? id : null,
    ownerOrganisationId: kind === 'org' ? id : null,
    diagnosticId,
  };
};

const ownerOf = (task: TTask) => task.ownerName ?? task.ownerOrganisationName ?? 'Non attribuée';

/**
 * The diagnostic's urgent actions: the household's tasks raised by its diagnostics, with an owner
 * (someone of a party, or a party) and a due date; done, or dismissed with the reason why.
 */
export function DiagnosticTasks({
  householdId,
  diagnosticId,
}: {
  householdId: string;
  diagnosticId: string;
}) {
  const tasks = useRouteQuery(TASK_ROUTES.list, { params: { id: householdId } });
  const [dismissing, setDismissing] = useState<TTask | null>(null);
  const done = useRouteMutation(TASK_ROUTES.close, {
    invalidate: taskKeys(householdId),
    successMessage: 'Action urgente faite.',
  });
  const close = (task: TTask) =>
    done.mutate({ params: { id: householdId, taskId: task.id }, body: { outcome: 'done' } });
  return (
    <Stack gap="md">
      <QueryState query={tasks} loadingLabel="Chargement des actions urgentes…">
        {(data) => (
          <DataTable
            caption="Actions urgentes du ménage"
            rows={data.items.filter((task) => task.source === 'diagnostic')}
            rowKey={(task) => task.id}
            emptyTitle="Aucune action urgente"
            columns={[
              { key: 'title', header: 'Action', render: (task) => task.title },
              { key: 'owner', header: 'Responsable', render: ownerOf },
              {
                key: 'due',
                header: 'Échéance',
                render: (task) => <DueDate dueOn={task.dueOn} open={task.status === 'open'} />,
              },
              {
                key: 'status',
                header: 'État',
                render: (task) =>
                  task.status === 'open'
                    ? TASK_STATUS_LABELS.open
                    : `${TASK_STATUS_LABELS[task.status]} le ${formatDate(task.closedAt)}${task.closedReason ? ` : ${task.closedReason}` : ''}`,
              },
              {
                key: 'actions',
                header: 'Actions',
                render: (task) =>
                  task.status === 'open' && (
                    <TaskCloseButtons
                      task={task}
                      onDone={close}
                      onDismiss={setDismissing}
                      pending={done.isPending && done.variables?.params.taskId === task.id}
                    />
                  ),
              },
            ]}
          />
        )}
      </QueryState>
      <ApiErrorAlert error={done.error} />
      {dismissing && (
        <DismissForm
          key={dismissing.id}
          task={dismissing}
          successMessage="Action urgente abandonnée."
          submitLabel="Abandonner l’action"
          onDone={() => setDismissing(null)}
        />
      )}
      <NewTaskForm householdId={householdId} diagnosticId={diagnosticId} />
    </Stack>
  );
}

/** Owners offered: me, the caseworkers named on the file, and its parties. */
function useOwnerOptions(householdId: string) {
  const me = useSession();
  const parties = useRouteQuery(HOUSEHOLD_ROUTES.parties, { params: { id: householdId } });
  return useMemo(() => {
    const people = new Map<string, string>([[me.user.id, `${me.user.fullName} (moi)`]]);
    const orgs = new Map<string, string>();
    for (const p of parties.data?.items ?? []) {
      if (p.caseworkerUserId && p.caseworkerName && !people.has(p.caseworkerUserId)) {
        people.set(p.caseworkerUserId, p.caseworkerName);
      }
      orgs.set(p.organisationId, p.organisationName);
    }
    return [
      { group: 'Personnes', items: [...people].map(([id, l]) => ({ value: `user:${id}`, label: l })) },
      { group: 'Organisations', items: [...orgs].map(([id, l]) => ({ value: `org:${id}`, label: l })) },
    ];
  }, [me, parties.data]);
}

function NewTaskForm({ householdId, diagnosticId }: { householdId: string; diagnosticId: string }) {
  const me = useSession();
  const owners = useOwnerOptions(householdId);
  const [adding, setAdding] = useState(false);
  const initialValues: NewTaskValues = { title: '', owner: `user:${me.user.id}`, dueOn: null };
  const form = useForm<NewTaskValues>({
    initialValues,
    validate: (v) => zodErrors(ZTaskCreate.safeParse(bodyOf(v, diagnosticId)).error),
  });
  const create = useRouteMutation(TASK_ROUTES.create, {
    form,
    invalidate: taskKeys(householdId),
    successMessage: 'Action urgente ajoutée.',
    onSuccess: () => {
      form.setValues(initialValues);
      setAdding(false);
    },
  });
  if (!adding) {
    return (
      <Group>
        <Button variant="light" onClick={() => setAdding(true)}>
          Ajouter une action urgente
        </Button>
      </Group>
    );
  }
  const ownerError = form.errors.ownerUserId ?? form.errors.ownerOrganisationId;
  return (
    <Card
      withBorder
      component="form"
      noValidate
      aria-label="Nouvelle action urgente"
      onSubmit={form.onSubmit((v) =>
        create.mutate({ params: { id: householdId }, body: bodyOf(v, diagnosticId) }),
      )}
    >
      <Stack gap="sm">
        <TextInput label="Action" required data-autofocus {...form.getInputProps('title')} />
        <Select
          label="Responsable"
          data={owners}
          clearable
          placeholder="Non attribuée"
          {...form.getInputProps('owner')}
          error={ownerError}
        />
        <DateField label="Échéance" {...form.getInputProps('dueOn')} />
        <ApiErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAdding(false)}>
            Annuler
          </Button>
          <Button type="submit" loading={create.isPending}>
            Enregistrer l’action urgente
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
