import { Anchor, Group, Select } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import {
  MAINTENANCE_REASON_LABELS,
  REFERRAL_KINDS,
  REFERRAL_KIND_LABELS,
  REFERRAL_STATUSES,
  REFERRAL_STATUS_LABELS,
} from '@shared/contracts/referral-enums.ts';
import type { TReferralListItem } from '@shared/contracts/referrals.ts';
import { REFERRAL_ROUTES } from '@shared/routes/referrals.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { oneOf } from '../../api/url-params.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '@shared/format.ts';
import { PATHS } from '../../paths.ts';
import { optionsOf } from '../households/organisations.ts';
import { REFERRAL_STATUS_TONES, formatReferralNumber } from './referral-ui.ts';

const PAGE_SIZE = 25;

/** What the referral is about: the maintenance reasons, or "ready to leave" for an access referral. */
export function referralSubject(r: Pick<TReferralListItem, 'kind' | 'reasons' | 'readyToLeave'>): string {
  if (r.kind === 'maintenance') return r.reasons.map((x) => MAINTENANCE_REASON_LABELS[x]).join(', ') || '—';
  return r.readyToLeave ? 'Prêt à sortir' : 'Accès au logement';
}

/** The referral's number, linking to it: first column of every referral table. */
export const referralNumberColumn: Column<TReferralListItem> = {
  key: 'number',
  header: 'Saisine',
  render: (r) => (
    <Anchor component={Link} to={PATHS.referral(r.id)} fw={600}>
      {formatReferralNumber(r.number)}
    </Anchor>
  ),
};

export const referralStatusBadge = (r: Pick<TReferralListItem, 'status'>) => (
  <StatusBadge value={r.status} labels={REFERRAL_STATUS_LABELS} tones={REFERRAL_STATUS_TONES} />
);

const columns = (side: 'inbox' | 'sent'): Column<TReferralListItem>[] => [
  referralNumberColumn,
  { key: 'household', header: 'Ménage', render: (r) => r.referencePersonName ?? '—' },
  { key: 'kind', header: 'Type', render: (r) => REFERRAL_KIND_LABELS[r.kind], hideOnSmall: true },
  { key: 'subject', header: 'Motifs', render: referralSubject, hideOnSmall: true },
  side === 'inbox'
    ? { key: 'from', header: 'Envoyée par', render: (r) => r.fromOrganisation.name }
    : { key: 'to', header: 'Adressée à', render: (r) => r.toOrganisation.name },
  {
    key: 'status',
    header: 'Statut',
    render: referralStatusBadge,
  },
  {
    key: 'caseworker',
    header: 'Référent',
    render: (r) => r.assignedCaseworker?.name ?? '—',
    hideOnSmall: true,
  },
  side === 'inbox'
    ? { key: 'created', header: 'Reçue le', render: (r) => formatDateTime(r.createdAt) }
    : { key: 'updated', header: 'Mise à jour', render: (r) => formatDateTime(r.updatedAt) },
];

interface ReferralListProps {
  /** The inbox or the sent list (the route of the same name). */
  side: 'inbox' | 'sent';
  caption: string;
}

/** A paged referral table with status and kind filters kept in the URL. */
export function ReferralList({ side, caption }: ReferralListProps) {
  const [params, setParams] = useSearchParams();
  const status = oneOf(REFERRAL_STATUSES, params.get('statut'));
  const kind = oneOf(REFERRAL_KINDS, params.get('type'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const update = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setParams(next, { replace: name !== 'page' });
  };
  const query = useRouteQuery(
    REFERRAL_ROUTES[side],
    { query: { status, kind, page, pageSize: PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  return (
    <>
      <Group mb="md" align="flex-end">
        <Select
          label="Statut"
          placeholder="Tous"
          clearable
          data={optionsOf(REFERRAL_STATUS_LABELS)}
          value={status ?? null}
          onChange={(v) => update('statut', v)}
        />
        <Select
          label="Type de saisine"
          placeholder="Tous"
          clearable
          data={optionsOf(REFERRAL_KIND_LABELS)}
          value={kind ?? null}
          onChange={(v) => update('type', v)}
        />
      </Group>
      <QueryState query={query} loadingLabel="Chargement des saisines…">
        {(data) => (
          <DataTable
            caption={caption}
            columns={columns(side)}
            rows={data.items}
            rowKey={(r) => r.id}
            paging={{
              page: data.page,
              pageSize: data.pageSize,
              total: data.total,
              onPageChange: (p) => update('page', String(p)),
            }}
            emptyTitle="Aucune saisine"
            emptyDescription={status || kind ? 'Aucune saisine ne correspond à ces filtres.' : undefined}
          />
        )}
      </QueryState>
    </>
  );
}
