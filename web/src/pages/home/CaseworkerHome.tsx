import { Link } from 'react-router-dom';
import { Anchor, Stack } from '@mantine/core';
import { HOUSEHOLD_STATUS_LABELS, HOUSING_SITUATION_LABELS } from '@shared/contracts/household-enums.ts';
import { MAINTENANCE_REASON_LABELS, REFERRAL_KIND_LABELS } from '@shared/contracts/referral-enums.ts';
import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { REFERRAL_ROUTES } from '@shared/routes/referrals.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { referralNumberColumn } from '../referrals/ReferralList.tsx';
import { formatDate, formatDateTime } from '@shared/format.ts';
import { PATHS } from '../../paths.ts';
import { MyTasksSection } from '../tasks/MyTasksSection.tsx';

export function CaseworkerHome() {
  const households = useRouteQuery(HOUSEHOLD_ROUTES.list, { query: { pageSize: 10 } });
  const inbox = useRouteQuery(REFERRAL_ROUTES.inbox, { query: { status: 'sent' } });
  return (
    <Stack gap="xl">
      <MyTasksSection />
      <Section
        title="Saisines à traiter"
        action={
          <Anchor component={Link} to={PATHS.referralInbox}>
            Toutes les saisines reçues
          </Anchor>
        }
      >
        <QueryState query={inbox}>
          {(page) => (
            <DataTable
              caption="Saisines reçues en attente de réponse"
              rows={page.items}
              rowKey={(r) => r.id}
              emptyTitle="Aucune saisine en attente"
              emptyDescription="Les nouvelles saisines des bailleurs apparaîtront ici."
              columns={[
                referralNumberColumn,
                { key: 'from', header: 'De', render: (r) => r.fromOrganisation.name },
                { key: 'person', header: 'Ménage', render: (r) => r.referencePersonName ?? '—' },
                {
                  key: 'kind',
                  header: 'Motif',
                  render: (r) =>
                    r.reasons.length > 0
                      ? r.reasons.map((x) => MAINTENANCE_REASON_LABELS[x]).join(', ')
                      : REFERRAL_KIND_LABELS[r.kind],
                },
                {
                  key: 'date',
                  header: 'Reçue le',
                  render: (r) => formatDateTime(r.createdAt),
                  hideOnSmall: true,
                },
              ]}
            />
          )}
        </QueryState>
      </Section>
      <Section
        title="Mes ménages"
        action={
          <Anchor component={Link} to={PATHS.households}>
            Tous les ménages
          </Anchor>
        }
      >
        <QueryState query={households}>
          {(page) => (
            <DataTable
              caption="Ménages suivis, les plus récemment modifiés"
              rows={page.items}
              rowKey={(h) => h.id}
              emptyTitle="Aucun ménage suivi"
              columns={[
                {
                  key: 'file',
                  header: 'Dossier',
                  render: (h) => (
                    <Anchor component={Link} to={PATHS.household(h.id)}>
                      {h.fileLabel}
                    </Anchor>
                  ),
                },
                {
                  key: 'person',
                  header: 'Personne de référence',
                  render: (h) => h.referencePersonName ?? '—',
                },
                {
                  key: 'situation',
                  header: 'Situation',
                  render: (h) => HOUSING_SITUATION_LABELS[h.housingSituation],
                  hideOnSmall: true,
                },
                {
                  key: 'status',
                  header: 'État',
                  render: (h) => (
                    <StatusBadge
                      value={h.status}
                      labels={HOUSEHOLD_STATUS_LABELS}
                      tones={{ active: 'success' }}
                    />
                  ),
                },
                {
                  key: 'updated',
                  header: 'Modifié le',
                  render: (h) => formatDate(h.updatedAt),
                  hideOnSmall: true,
                },
              ]}
            />
          )}
        </QueryState>
      </Section>
    </Stack>
  );
}
