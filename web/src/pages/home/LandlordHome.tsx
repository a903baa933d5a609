import { Link } from 'react-router-dom';
import { Anchor, Button, Group } from '@mantine/core';
import type { TReferralPage } from '@shared/contracts/referrals.ts';
import { REFERRAL_KIND_LABELS, REFERRAL_STATUS_LABELS } from '@shared/contracts/referral-enums.ts';
import { useApiQuery } from '../../api/hooks.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { REFERRAL_STATUS_TONES, formatReferralNumber } from '../referrals/referral-ui.ts';
import { formatDateTime } from '../../format.ts';
import { PATHS } from '../../paths.ts';

export function LandlordHome() {
  const sent = useApiQuery<TReferralPage>('/api/referrals/sent', { pageSize: 10 });
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
              {
                key: 'number',
                header: 'Saisine',
                render: (r) => (
                  <Anchor component={Link} to={PATHS.referral(r.id)}>
                    {formatReferralNumber(r.number)}
                  </Anchor>
                ),
              },
              { key: 'to', header: 'Adressée à', render: (r) => r.toOrganisation.name },
              { key: 'person', header: 'Ménage', render: (r) => r.referencePersonName ?? '—' },
              { key: 'kind', header: 'Type', render: (r) => REFERRAL_KIND_LABELS[r.kind], hideOnSmall: true },
              {
                key: 'status',
                header: 'État',
                render: (r) => (
                  <StatusBadge
                    value={r.status}
                    labels={REFERRAL_STATUS_LABELS}
                    tones={REFERRAL_STATUS_TONES}
                  />
                ),
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
