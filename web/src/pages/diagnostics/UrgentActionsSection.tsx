import { Link } from 'react-router-dom';
import { Anchor, Badge, Text } from '@mantine/core';
import { DIAGNOSTIC_ROUTES } from '@shared/routes/diagnostics.ts';
import { parisToday } from '@shared/time.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDate } from '@shared/format.ts';
import { PATHS } from '../../paths.ts';
import { useOrganisations } from '../households/organisations.ts';

/** Home page: the open urgent actions of the diagnostics I follow, by due date, overdue first. */
export function UrgentActionsSection() {
  const me = useSession();
  const actions = useRouteQuery(DIAGNOSTIC_ROUTES.myUrgentActions, {});
  const organisations = useOrganisations();
  const orgName = (id: string) => organisations.data?.items.find((o) => o.id === id)?.name ?? '—';
  const now = parisToday();
  return (
    <Section title="Actions urgentes">
      <QueryState query={actions}>
        {(data) => (
          <DataTable
            caption="Actions urgentes ouvertes, par échéance"
            rows={data.items}
            rowKey={(a) => a.id}
            emptyTitle="Aucune action urgente ouverte"
            columns={[
              {
                key: 'household',
                header: 'Dossier',
                render: (a) => (
                  <Anchor component={Link} to={`${PATHS.household(a.householdId)}?onglet=diagnostic`}>
                    {a.fileLabel}
                  </Anchor>
                ),
              },
              { key: 'label', header: 'Action', render: (a) => a.label },
              {
                key: 'owner',
                header: 'Responsable',
                render: (a) =>
                  a.ownerUserId === me.user.id
                    ? 'Moi'
                    : a.ownerOrganisationId
                      ? orgName(a.ownerOrganisationId)
                      : a.ownerUserId
                        ? 'Un autre professionnel'
                        : 'Non attribuée',
              },
              {
                key: 'due',
                header: 'Échéance',
                render: (a) =>
                  a.dueOn && a.dueOn < now ? (
                    <Text span c="red" fw={700}>
                      {formatDate(a.dueOn)}{' '}
                      <Badge color="red" variant="filled" radius="sm" tt="none">
                        En retard
                      </Badge>
                    </Text>
                  ) : (
                    formatDate(a.dueOn)
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </Section>
  );
}
