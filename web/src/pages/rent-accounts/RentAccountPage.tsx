import { useState } from 'react';
import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router-dom';
import {
  ACCOUNT_STATUS_LABELS,
  INSTALMENT_STATUS_LABELS,
  PLAN_STATUS_LABELS,
  type TPlan,
  type TPosting,
  type TRentAccount,
} from '@shared/contracts/rent-accounts.ts';
import {
  PAYMENT_METHOD_LABELS,
  POSTING_KINDS,
  POSTING_KIND_LABELS,
  type PostingKind,
} from '@shared/rent-accounts/postings.ts';
import { RENT_ACCOUNT_ROUTES as R } from '@shared/routes/rent-accounts.ts';
import { formatCents, formatDate, formatMonth } from '@shared/format.ts';
import { parisToday } from '@shared/time.ts';
import { routeKey, routeUrl, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { DialogButton } from '../../components/FormDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { Facts } from '../households/Facts.tsx';
import {
  CallsDialog,
  CloseAccountDialog,
  CounterEntryDialog,
  EntryDialog,
  OpenAccountDialog,
  PaymentDialog,
  PlanDialog,
} from './RentAccountDialogs.tsx';

/**
 * The rent account of an occupancy contract: balance, arrears month by month, lines with filters,
 * the forms of the collector's staff, the tenant's statement and the repayment plans.
 */
export function RentAccountPage() {
  const { contractId = '' } = useParams();
  const account = useRouteQuery(R.account, { params: { contractId } });
  return (
    <QueryState query={account} loadingLabel="Chargement du compte locatif…">
      {(a) => <AccountView account={a} />}
    </QueryState>
  );
}

/** A signed balance in words: owed, in credit, or settled. */
const balanceWords = (cents: number) =>
  cents > 0 ? `${formatCents(cents)} dus` : cents < 0 ? `${formatCents(-cents)} d’avance` : 'à jour';

function AccountView({ account: a }: { account: TRentAccount }) {
  const contractId = a.contractId;
  const writable = a.canPost && a.status === 'open';
  return (
    <>
      <PageHeader
        title={`Compte locatif — ${a.occupant}`}
        description={`${a.dwelling} — loyer encaissé par ${a.collector}`}
        actions={
          writable && (
            <Group gap="xs">
              <DialogButton
                label="Appeler un mois"
                dialog={(close) => <CallsDialog contractId={contractId} onClose={close} />}
              />
              <DialogButton
                label="Enregistrer un paiement"
                dialog={(close) => <PaymentDialog contractId={contractId} onClose={close} />}
              />
              <DialogButton
                label="Passer une écriture"
                variant="light"
                dialog={(close) => <EntryDialog contractId={contractId} onClose={close} />}
              />
              <DialogButton
                label="Clore le compte"
                variant="light"
                dialog={(close) => <CloseAccountDialog contractId={contractId} onClose={close} />}
              />
            </Group>
          )
        }
      />
      {!a.exists ? (
        <EmptyState
          title="Pas encore de compte locatif"
          description="Ce contrat n’a pas de compte ouvert dans Relais."
          action={
            a.canPost && (
              <DialogButton
                label="Ouvrir le compte"
                dialog={(close) => <OpenAccountDialog contractId={contractId} onClose={close} />}
              />
            )
          }
        />
      ) : (
        <Stack gap="lg">
          <Paper withBorder p="md" radius="md">
            <Facts
              items={[
                { label: 'Solde', value: balanceWords(a.balanceCents) },
                { label: 'Appelé (net de la RLS)', value: formatCents(a.callsCents) },
                { label: 'Payé', value: formatCents(a.paymentsCents) },
                { label: 'Aides', value: formatCents(a.aidsCents) },
                {
                  label: 'Compte',
                  value: `${ACCOUNT_STATUS_LABELS[a.status ?? 'open']} depuis le ${formatDate(a.status === 'closed' ? a.closedOn : a.openedOn)}`,
                },
              ]}
            />
          </Paper>
          <StatementSection contractId={contractId} />
          <Section title="Impayés mois par mois">
            <DataTable
              caption="Impayés mois par mois"
              rows={[...a.arrears].reverse()}
              rowKey={(m) => m.month}
              emptyTitle="Aucun mois"
              emptyDescription="Aucune écriture n’est encore passée."
              columns={[
                { key: 'month', header: 'Mois', render: (m) => formatMonth(m.month) },
                { key: 'called', header: 'Appelé', render: (m) => formatCents(m.calledCents) },
                { key: 'paid', header: 'Payé et aides', render: (m) => formatCents(m.paidCents) },
                {
                  key: 'balance',
                  header: 'Solde en fin de mois',
                  render: (m) => formatCents(m.balanceAtEndCents),
                },
                {
                  key: 'months',
                  header: 'Mois de loyer dus',
                  render: (m) => m.monthsOfArrears.toLocaleString('fr-FR'),
                  hideOnSmall: true,
                },
              ]}
            />
          </Section>
          <PostingsSection contractId={contractId} writable={writable} />
          <PlansSection account={a} writable={writable} />
        </Stack>
      )}
    </>
  );
}

function StatementSection({ contractId }: { contractId: string }) {
  const today = parisToday();
  const [from, setFrom] = useState<string | null>(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState<string | null>(today);
  return (
    <Section title="Relevé de compte">
      <Group align="flex-end">
        <DateField label="Du" value={from} onChange={setFrom} />
        <DateField label="Au" value={to} onChange={setTo} />
        <Button
          component="a"
          variant="light"
          disabled={!from || !to}
          href={
            from && to ? routeUrl(R.statement, { params: { contractId }, query: { from, to } }) : undefined
          }
          target="_blank"
        >
          Télécharger le relevé (PDF)
        </Button>
      </Group>
    </Section>
  );
}

const wording = (p: TPosting, all: readonly TPosting[]) => {
  if (p.kind !== 'counter_entry') return POSTING_KIND_LABELS[p.kind];
  const reversed = all.find((o) => o.id === p.reversesPostingId);
  return reversed
    ? `Annulation : ${POSTING_KIND_LABELS[reversed.kind].toLowerCase()}`
    : 'Annulation d’une écriture';
};

function PostingsSection({ contractId, writable }: { contractId: string; writable: boolean }) {
  const [kind, setKind] = useState<PostingKind | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const all = useRouteQuery(R.postings, { params: { contractId }, query: {} });
  const shown = useRouteQuery(R.postings, {
    params: { contractId },
    query: { ...(kind ? { kind } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) },
  });
  const [reversing, setReversing] = useState<TPosting | null>(null);
  return (
    <Section title="Écritures">
      <Group align="flex-end" mb="sm">
        <Select
          label="Type d’écriture"
          clearable
          placeholder="Tous"
          value={kind}
          onChange={(v) => setKind(v as PostingKind | null)}
          data={POSTING_KINDS.map((value) => ({ value, label: POSTING_KIND_LABELS[value] }))}
        />
        <DateField label="Depuis le" value={from} onChange={setFrom} clearable />
        <DateField label="Jusqu’au" value={to} onChange={setTo} clearable />
      </Group>
      {reversing && (
        <CounterEntryDialog contractId={contractId} posting={reversing} onClose={() => setReversing(null)} />
      )}
      <QueryState query={shown} loadingLabel="Chargement des écritures…">
        {({ items }) => (
          <DataTable
            caption="Écritures du compte"
            rows={items}
            rowKey={(p) => p.id}
            emptyTitle="Aucune écriture"
            emptyDescription="Aucune écriture ne correspond à ces critères."
            columns={[
              { key: 'on', header: 'Date', render: (p) => formatDate(p.postedOn) },
              {
                key: 'what',
                header: 'Libellé',
                render: (p) =>
                  [
                    wording(p, all.data?.items ?? items),
                    p.periodMonth && formatMonth(p.periodMonth),
                    p.method && PAYMENT_METHOD_LABELS[p.method],
                    p.label,
                    p.reversed && '(annulée)',
                  ]
                    .filter(Boolean)
                    .join(' — '),
              },
              {
                key: 'debit',
                header: 'Débit',
                render: (p) => (p.amountCents > 0 ? formatCents(p.amountCents) : ''),
              },
              {
                key: 'credit',
                header: 'Crédit',
                render: (p) => (p.amountCents < 0 ? formatCents(-p.amountCents) : ''),
              },
              { key: 'by', header: 'Saisie par', render: (p) => p.recordedByName ?? '—', hideOnSmall: true },
              ...(writable
                ? [
                    {
                      key: 'actions',
                      header: 'Actions',
                      render: (p: TPosting) =>
                        !p.reversed &&
                        p.kind !== 'counter_entry' && (
                          <Button size="xs" variant="light" onClick={() => setReversing(p)}>
                            Corriger
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
    </Section>
  );
}

function PlansSection({ account: a, writable }: { account: TRentAccount; writable: boolean }) {
  const active = a.plans.find((p) => p.status === 'active');
  const check = useRouteMutation(R.checkPlans, {
    invalidate: [routeKey(R.account, { params: { contractId: a.contractId } })],
    successMessage: 'Plan vérifié.',
  });
  return (
    <Section
      title="Plans d’apurement"
      action={
        writable && (
          <Group gap="xs">
            {active && (
              <Button
                variant="default"
                size="xs"
                loading={check.isPending}
                onClick={() => check.mutate({ params: { contractId: a.contractId } })}
              >
                Vérifier les mensualités
              </Button>
            )}
            <DialogButton
              label={active ? 'Renégocier le plan' : 'Établir un plan'}
              variant="light"
              dialog={(close) => (
                <PlanDialog
                  contractId={a.contractId}
                  balanceCents={a.balanceCents}
                  {...(active ? { renegotiates: active } : {})}
                  onClose={close}
                />
              )}
            />
          </Group>
        )
      }
    >
      {check.data && (
        <Text size="sm" role="status" mb="sm">
          {check.data.missedMonths.length === 0
            ? 'Aucune nouvelle mensualité manquée.'
            : `Mensualité(s) manquée(s) : ${check.data.missedMonths.map(formatMonth).join(', ')}. Une tâche est créée pour votre équipe.`}
        </Text>
      )}
      {a.plans.length === 0 ? (
        <Text size="sm">Aucun plan d’apurement.</Text>
      ) : (
        <Stack>
          {a.plans.map((plan) => (
            <PlanCard key={plan.id} plan={plan} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

function PlanCard({ plan }: { plan: TPlan }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {`Version ${plan.version} : ${formatCents(plan.debtCents)} en ${plan.instalmentCount} mensualité${plan.instalmentCount > 1 ? 's' : ''} à partir de ${formatMonth(plan.startMonth)}`}
        </Title>
        <StatusBadge
          value={plan.status}
          labels={PLAN_STATUS_LABELS}
          tones={{ active: 'info', superseded: 'neutral' }}
        />
      </Group>
      {plan.note && (
        <Text size="sm" mb="xs">
          {plan.note}
        </Text>
      )}
      <DataTable
        caption={`Mensualités du plan, version ${plan.version}`}
        rows={plan.instalments}
        rowKey={(i) => i.month}
        emptyTitle="Aucune mensualité"
        emptyDescription=""
        columns={[
          { key: 'month', header: 'Mois', render: (i) => formatMonth(i.month) },
          { key: 'amount', header: 'Mensualité', render: (i) => formatCents(i.amountCents) },
          {
            key: 'status',
            header: 'État',
            render: (i) => (
              <StatusBadge
                value={i.status}
                labels={INSTALMENT_STATUS_LABELS}
                tones={{ kept: 'success', missed: 'danger', upcoming: 'neutral' }}
              />
            ),
          },
          {
            key: 'shortfall',
            header: 'Manque',
            render: (i) => (i.shortfallCents > 0 ? formatCents(i.shortfallCents) : '—'),
          },
        ]}
      />
    </Paper>
  );
}
