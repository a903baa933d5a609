import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Badge, Stack, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { ALERT_RULE_LABELS } from '@shared/contracts/alerts.ts';
import { TASK_SOURCE_LABELS, type TTask } from '@shared/contracts/tasks.ts';
import { TASK_ROUTES } from '@shared/routes/tasks.ts';
import { formatDate } from '@shared/format.ts';
import { parisToday } from '@shared/time.ts';
import { routeKey, useRouteQuery } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { PATHS } from '../../paths.ts';
import { DigestPreferenceSwitch } from '../alerts/DigestPreferenceSwitch.tsx';
import { DismissForm, TaskCloseButtons, useCloseTask } from './TaskActions.tsx';

/**
 * Where a task is worked on: the diagnostic tab for a diagnostic's urgent action, the referral for
 * a referral waiting for an answer (the file opens once it is accepted), else the file.
 */
function taskLink(task: TTask, householdId: string): string {
  if (task.source === 'diagnostic') return `${PATHS.household(householdId)}?onglet=diagnostic`;
  if (task.alertRule === 'referral_unanswered' && task.sourceId) return PATHS.referral(task.sourceId);
  return PATHS.household(householdId);
}

/** The file a task is for, as a link; or the dwelling a GLA plan's task is about. */
function TaskSubject({ task }: { task: TTask }) {
  if (!task.householdId) return <>{task.dwelling ? `Logement : ${task.dwelling.address}` : '—'}</>;
  return (
    <Anchor component={Link} to={taskLink(task, task.householdId)}>
      {task.fileLabel}
    </Anchor>
  );
}

/** Where a task comes from, in words: the alert's kind for an alert. */
export const taskOrigin = (task: TTask): string =>
  task.alertRule
    ? `${TASK_SOURCE_LABELS.alert} — ${ALERT_RULE_LABELS[task.alertRule].toLowerCase()}`
    : TASK_SOURCE_LABELS[task.source];

/** A due date, flagged in words (not only in red) once it has passed. */
export function DueDate({ dueOn, open }: { dueOn: string | null; open: boolean }) {
  if (!open || !dueOn || dueOn >= parisToday()) return <>{formatDate(dueOn)}</>;
  return (
    <Text span c="red" fw={700}>
      {formatDate(dueOn)}{' '}
      <Badge color="red" variant="filled" radius="sm" tt="none">
        En retard
      </Badge>
    </Text>
  );
}

/** How many of my open tasks the home page shows at a time. */
export const MY_TASKS_PAGE_SIZE = 20;

/**
 * Home page: my open tasks (urgent actions of diagnostics, tasks of files, alerts, the GLA plans'
 * tasks about dwellings), by due date, a page at a time.
 */
export function MyTasksSection() {
  const me = useSession();
  const [page, setPage] = useState(1);
  const tasks = useRouteQuery(
    TASK_ROUTES.mine,
    { query: { page, pageSize: MY_TASKS_PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  // The last task of the last page closed: back to the page that is now the last.
  const lastPage = Math.max(1, Math.ceil((tasks.data?.total ?? 0) / MY_TASKS_PAGE_SIZE));
  if (tasks.data && !tasks.isPlaceholderData && page > lastPage) setPage(lastPage);
  const [dismissing, setDismissing] = useState<TTask | null>(null);
  const done = useCloseTask({
    invalidate: [routeKey(TASK_ROUTES.mine, {})],
    successMessage: 'Tâche faite.',
  });
  return (
    <Section title="Actions urgentes et tâches">
      <Stack gap="sm">
        <DigestPreferenceSwitch />
        <QueryState query={tasks}>
          {(data) => (
            <DataTable
              caption="Mes tâches ouvertes, par échéance"
              rows={data.items}
              rowKey={(task) => task.id}
              paging={{ page: data.page, pageSize: data.pageSize, total: data.total, onPageChange: setPage }}
              emptyTitle="Aucune tâche ouverte"
              columns={[
                {
                  key: 'household',
                  header: 'Dossier ou logement',
                  render: (task) => <TaskSubject task={task} />,
                },
                { key: 'title', header: 'Tâche', render: (task) => task.title },
                {
                  key: 'source',
                  header: 'Origine',
                  render: taskOrigin,
                  hideOnSmall: true,
                },
                {
                  key: 'owner',
                  header: 'Responsable',
                  render: (task) =>
                    task.ownerUserId === me.user.id
                      ? 'Moi'
                      : (task.ownerOrganisationName ?? task.ownerName ?? '—'),
                },
                {
                  key: 'due',
                  header: 'Échéance',
                  render: (task) => <DueDate dueOn={task.dueOn} open={task.status === 'open'} />,
                },
                {
                  key: 'actions',
                  header: 'Actions',
                  // A referral waiting for an answer closes by answering it.
                  render: (task) =>
                    task.alertRule !== 'referral_unanswered' && (
                      <TaskCloseButtons
                        task={task}
                        onDone={(t) => done.mutate({ task: t, body: { outcome: 'done' } })}
                        onDismiss={setDismissing}
                        pending={done.isPending && done.variables?.task.id === task.id}
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
            successMessage="Tâche abandonnée."
            submitLabel="Abandonner la tâche"
            onDone={() => setDismissing(null)}
          />
        )}
      </Stack>
    </Section>
  );
}
