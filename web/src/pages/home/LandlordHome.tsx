import { Link } from 'react-router-dom';
import { Anchor, Button, Group } from '@mantine/core';
import { REFERRAL_KIND_LABELS } from '@shared/contracts/referral-enums.ts';
import { REFERRAL_ROUTES } from '@shared/routes/referrals.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { referralNumberColumn, referralStatusBadge } from '../referrals/ReferralList.tsx';
import { formatDateTime } from '@shared/format.ts';
import { PATHS } from '../../paths.ts';

export function LandlordHome() {
  const sent = useRouteQuery(REFERRAL_ROUTES.sent, { query: { pageSize: 10 } });
  return (
    <Section
      title="Mes saisines et leur état"
      action={
        <Group gap="sm">
          <Anchor component={Link} to={PATHS.sentReferrals}>
            Toutes mes saisines
          </Anchor>
          <Button component={Link} to={PATHS.newReferral} size="sm">
            Nouvelle saisine
          </Button>
        </Group>
      }
    >
      <QueryState query={sent}>
        {(page) => (
          <DataTable
            caption="Saisines envoyées, les plus récentes d’abord"
            rows={page.items}
            rowKey={(r) => r.id}
            emptyTitle="Aucune saisine envoyée"
            emptyDescription="Adressez une saisine à une association pour un ménage en difficulté."
            columns={[
              referralNumberColumn,
              { key: 'to', header: 'Adressée à', render: (r) => r.toOrganisation.name },
              { key: 'person', header: 'Ménage', render: (r) => r.referencePersonName ?? '—' },
              { key: 'kind', header: 'Type', render: (r) => REFERRAL_KIND_LABELS[r.kind], hideOnSmall: true },
              {
                key: 'status',
                header: 'État',
                render: referralStatusBadge,
              },
              {
                key: 'updated',
                header: 'Mise à jour',
                render: (r) => formatDateTime(r.updatedAt),
                hideOnSmall: true,
              },
            ]}
          />
        )}
      </QueryState>
    </Section>
  );
}
