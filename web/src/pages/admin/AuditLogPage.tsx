import { useState } from 'react';
import { Button, Grid, Group, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { AUDIT_ACTIONS } from '@shared/audit/actions.ts';
import { AUDIT_ROUTES } from '@shared/routes/audit.ts';
import { USER_ROUTES } from '@shared/routes/identity.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { hasRoleIn } from '@shared/access/role-groups.ts';
import { useSession } from '../../api/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDateTime } from '@shared/format.ts';
import { AuditCheckpoints } from './AuditCheckpoints.tsx';

const PAGE_SIZE = 50;

interface Filters {
  from: string | null;
  to: string | null;
  action: string | null;
  userId: string | null;
}
const NO_FILTERS: Filters = { from: null, to: null, action: null, userId: null };

const ACTION_OPTIONS = Object.entries(AUDIT_ACTIONS)
  .map(([value, spec]) => ({ value, label: spec.label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'fr'));

export function AuditLogPage() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  // Auditors read the log but not the member list: they filter by action and dates only.
  const isAdmin = hasRoleIn(useSession().roles, 'administrators');
  const users = useRouteQuery(USER_ROUTES.list, {}, { enabled: isAdmin });
  const log = useRouteQuery(AUDIT_ROUTES.log, {
    query: {
      from: filters.from ?? undefined,
      to: filters.to ?? undefined,
      action: filters.action ?? undefined,
      userId: filters.userId ?? undefined,
      page,
      pageSize: PAGE_SIZE,
    },
  });
  const form = useForm<Filters>({ initialValues: NO_FILTERS });
  const apply = (values: Filters) => {
    setFilters(values);
    setPage(1);
  };

  return (
    <>
      <PageHeader
        title="Journal d’audit"
        description="Qui a fait quoi, et quand, dans votre organisation : connexions, administration, consultations et modifications de dossiers."
      />
      <Stack gap="xl">
        <Section title="Filtres">
          <form onSubmit={form.onSubmit(apply)} onReset={() => apply(NO_FILTERS)} noValidate>
            <Grid align="flex-end">
              <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
                <DateField label="Du" {...form.getInputProps('from')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
                <DateField label="Au" {...form.getInputProps('to')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
                <Select
                  label="Action"
                  placeholder="Toutes"
                  data={ACTION_OPTIONS}
                  searchable
                  clearable
                  nothingFoundMessage="Aucune action"
                  {...form.getInputProps('action')}
                />
              </Grid.Col>
              {isAdmin && (
                <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
                  <Select
                    label="Utilisateur"
                    placeholder="Tous"
                    data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
                    searchable
                    clearable
                    nothingFoundMessage="Aucun utilisateur"
                    {...form.getInputProps('userId')}
                  />
                </Grid.Col>
              )}
            </Grid>
            <Group mt="md">
              <Button type="submit">Filtrer</Button>
              <Button type="reset" variant="default" onClick={() => form.reset()}>
                Effacer les filtres
              </Button>
            </Group>
          </form>
        </Section>
        <Section title="Évènements">
          <QueryState query={log}>
            {(data) => (
              <DataTable
                caption="Évènements du journal d’audit, les plus récents d’abord"
                rows={data.items}
                rowKey={(e) => String(e.id)}
                paging={{
                  page: data.page,
                  pageSize: data.pageSize,
                  total: data.total,
                  onPageChange: setPage,
                }}
                emptyTitle="Aucun évènement"
                emptyDescription="Aucun évènement ne correspond à ces filtres."
                columns={[
                  { key: 'at', header: 'Date', render: (e) => formatDateTime(e.at) },
                  { key: 'action', header: 'Action', render: (e) => e.actionLabel },
                  { key: 'actor', header: 'Par', render: (e) => e.actorName ?? 'Système' },
                  { key: 'subject', header: 'Objet', render: (e) => e.subject ?? '—', hideOnSmall: true },
                  {
                    key: 'details',
                    header: 'Détails',
                    render: (e) => (e.description ? <Text size="sm">{e.description}</Text> : '—'),
                    hideOnSmall: true,
                  },
                  { key: 'ip', header: 'Adresse IP', render: (e) => e.ip ?? '—', hideOnSmall: true },
                ]}
              />
            )}
          </QueryState>
        </Section>
        <AuditCheckpoints />
      </Stack>
    </>
  );
}
