import { useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import {
  ZMeasureDecision,
  type TFunderHome,
  type TMeasure,
  type TMeasureDecision,
} from '@shared/contracts/measures.ts';
import { formatCents, formatDate } from '@shared/format.ts';
import { MEASURE_ROUTES } from '@shared/routes/measures.ts';
import { parisToday } from '@shared/time.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { Facts } from '../households/Facts.tsx';
import { FUNDER_HOME_KEY } from '../measures/measure-api.ts';
import { FunderEvaluations } from '../evaluations/EvaluationsTab.tsx';
import { REFERRAL_KIND_LABELS, REFERRAL_STATUS_LABELS } from '@shared/contracts/referral-enums.ts';

type Programme = TFunderHome['programmes'][number];
type Outcome = 'validated' | 'refused';
const PENDING_PAGE_SIZE = 25;

/** The funder's home: decisions to take, measures funded, programmes consumed (never a household's name). */
export function FunderHome() {
  const [page, setPage] = useState(1);
  const home = useRouteQuery(
    MEASURE_ROUTES.funderHome,
    { query: { page, pageSize: PENDING_PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  return (
    <QueryState query={home} loadingLabel="Chargement des mesures financées…">
      {(data) => (
        <Stack gap="xl">
          <Section title="Mesures en attente de votre décision">
            <PendingTable
              pending={data.pending}
              onPageChange={setPage}
              onReload={() => void home.refetch()}
            />
          </Section>
          <Section title="Évaluations partagées avec vous">
            <FunderEvaluations />
          </Section>
          <Section title="Mesures financées">
            <DataTable
              caption="Mesures financées par dispositif et opérateur"
              rows={data.funded}
              rowKey={(f) => `${f.schemeName} ${f.operatorName}`}
              emptyTitle="Aucune mesure financée"
              columns={[
                { key: 'scheme', header: 'Dispositif', render: (f) => f.schemeName },
                { key: 'operator', header: 'Opérateur', render: (f) => f.operatorName },
                { key: 'active', header: 'En cours', render: (f) => f.active },
                { key: 'validated', header: 'Validées, à démarrer', render: (f) => f.validated },
              ]}
            />
          </Section>
          <Section title="Saisines à l’origine des mesures financées">
            <DataTable
              caption="Saisines des ménages dont vous financez une mesure, les plus récentes d’abord"
              rows={data.referrals}
              rowKey={(r) => `${r.fileLabel} ${r.sentAt}`}
              emptyTitle="Aucune saisine"
              emptyDescription="Les saisines des ménages dont vous financez une mesure apparaîtront ici."
              columns={[
                { key: 'file', header: 'Dossier', render: (r) => r.fileLabel },
                { key: 'kind', header: 'Saisine', render: (r) => REFERRAL_KIND_LABELS[r.kind] },
                { key: 'from', header: 'De', render: (r) => r.fromOrganisationName },
                { key: 'to', header: 'À', render: (r) => r.toOrganisationName, hideOnSmall: true },
                { key: 'sent', header: 'Envoyée le', render: (r) => formatDate(r.sentAt) },
                { key: 'status', header: 'État', render: (r) => REFERRAL_STATUS_LABELS[r.status] },
                { key: 'scheme', header: 'Mesure', render: (r) => r.schemeName, hideOnSmall: true },
              ]}
            />
          </Section>
          <Section title="Programmes">
            {data.programmes.length === 0 ? (
              <EmptyState
                title="Aucun programme"
                description="Vos administrateurs déclarent les programmes de financement de chaque dispositif."
              />
            ) : (
              <SimpleGrid cols={{ base: 1, lg: 2 }}>
                {data.programmes.map((p) => (
                  <ProgrammeUse key={p.id} programme={p} />
                ))}
              </SimpleGrid>
            )}
          </Section>
        </Stack>
      )}
    </QueryState>
  );
}

function PendingTable({
  pending,
  onPageChange,
  onReload,
}: {
  pending: TFunderHome['pending'];
  onPageChange: (page: number) => void;
  onReload: () => void;
}) {
  const [deciding, setDeciding] = useState<{ measure: TMeasure; outcome: Outcome } | null>(null);
  return (
    <>
      <DataTable
        caption="Mesures prescrites en attente de votre décision"
        rows={pending.items}
        rowKey={(m) => m.id}
        paging={{ page: pending.page, pageSize: pending.pageSize, total: pending.total, onPageChange }}
        emptyTitle="Aucune mesure en attente"
        emptyDescription="Les mesures prescrites sur vos dispositifs apparaîtront ici."
        columns={[
          { key: 'file', header: 'Dossier', render: (m) => m.fileLabel },
          { key: 'scheme', header: 'Dispositif', render: (m) => m.schemeName },
          { key: 'operator', header: 'Opérateur', render: (m) => m.operatorName },
          { key: 'prescribed', header: 'Prescrite le', render: (m) => formatDate(m.prescribedOn) },
          {
            key: 'by',
            header: 'Décidée par',
            render: (m) => m.prescription ?? 'L’opérateur, hors comité',
            hideOnSmall: true,
          },
          { key: 'months', header: 'Durée', render: (m) => `${m.initialMonths} mois`, hideOnSmall: true },
          {
            key: 'decision',
            header: 'Décision',
            render: (m) => (
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  aria-label={`Valider la mesure du dossier ${m.fileLabel}`}
                  onClick={() => setDeciding({ measure: m, outcome: 'validated' })}
                >
                  Valider
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  aria-label={`Refuser la mesure du dossier ${m.fileLabel}`}
                  onClick={() => setDeciding({ measure: m, outcome: 'refused' })}
                >
                  Refuser
                </Button>
              </Group>
            ),
          },
        ]}
      />
      {deciding && <DecisionDialog {...deciding} onReload={onReload} onClose={() => setDeciding(null)} />}
    </>
  );
}

function DecisionDialog({
  measure,
  outcome,
  onReload,
  onClose,
}: {
  measure: TMeasure;
  outcome: Outcome;
  onReload: () => void;
  onClose: () => void;
}) {
  type V = { decidedOn: string | null; reason: string };
  const body = (v: V): TMeasureDecision => {
    const common = { rowVersion: measure.rowVersion, decidedOn: v.decidedOn ?? '' };
    return outcome === 'refused' ? { ...common, outcome, reason: v.reason } : { ...common, outcome };
  };
  const form = useBodyForm<V>({ decidedOn: parisToday(), reason: '' }, ZMeasureDecision, body, {
    decidedOn: 'Indiquez la date de la décision.',
  });
  const decide = useRouteMutation(MEASURE_ROUTES.decide, {
    form,
    invalidate: [FUNDER_HOME_KEY],
    successMessage: outcome === 'validated' ? 'Mesure validée.' : 'Mesure refusée.',
    onSuccess: onClose,
  });
  const refused = outcome === 'refused';
  return (
    <FormDialog
      title={`${refused ? 'Refuser' : 'Valider'} la mesure ${measure.schemeName} — dossier ${measure.fileLabel}`}
      intro={`Prescrite par ${measure.operatorName} le ${formatDate(measure.prescribedOn)}, pour ${measure.initialMonths} mois.${refused ? ' Le motif est communiqué à l’opérateur.' : ''}`}
      form={form}
      mutation={decide}
      onSubmit={(v) => decide.mutate({ params: { measureId: measure.id }, body: body(v) })}
      onReload={onReload}
      onClose={onClose}
      submitLabel={refused ? 'Refuser la mesure' : 'Valider la mesure'}
      danger={refused}
    >
      <DateField label="Date de la décision" required {...form.getInputProps('decidedOn')} />
      {refused && (
        <Textarea label="Motif du refus" required autosize minRows={3} {...form.getInputProps('reason')} />
      )}
    </FormDialog>
  );
}

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** A share of the budget as a labelled bar: orange when it reaches the budget. */
function BudgetBar({
  label,
  part,
  whole,
  text,
}: {
  label: string;
  part: number;
  whole: number;
  text: string;
}) {
  const ratio = share(part, whole);
  return (
    <Stack gap={4}>
      <Text size="sm">
        {label} : {text} ({percent.format(ratio)} du budget)
      </Text>
      <Progress
        value={Math.min(100, ratio * 100)}
        color={ratio >= 1 ? 'orange.8' : 'blue.8'}
        size="lg"
        aria-label={`${label}, part du budget`}
      />
    </Stack>
  );
}

function ProgrammeUse({ programme: p }: { programme: Programme }) {
  const budget = [
    p.budgetMeasures !== null && `${p.budgetMeasures} mesures`,
    p.budgetCents !== null && formatCents(p.budgetCents),
  ].filter((b): b is string => b !== false);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {p.name} — {p.schemeName}
        </Title>
        <Facts
          items={[
            { label: 'Période', value: `Du ${formatDate(p.periodFrom)} au ${formatDate(p.periodTo)}` },
            { label: 'Budget', value: budget.length > 0 ? budget.join(' ; ') : 'Non renseigné' },
            { label: 'Mesures comptées', value: String(p.measures) },
            {
              label: 'Mois d’accompagnement',
              value: `${p.monthsConsumed} consommés à ce jour ; ${p.monthsCommitted} engagés`,
            },
            {
              label: 'Montants',
              value: `${formatCents(p.centsConsumed)} consommés à ce jour ; ${formatCents(p.centsCommitted)} engagés`,
            },
          ]}
        />
        {p.budgetMeasures !== null && (
          <BudgetBar
            label="Mesures"
            part={p.measures}
            whole={p.budgetMeasures}
            text={`${p.measures} sur ${p.budgetMeasures}`}
          />
        )}
        {p.budgetCents !== null && (
          <>
            <BudgetBar
              label="Consommé"
              part={p.centsConsumed}
              whole={p.budgetCents}
              text={formatCents(p.centsConsumed)}
            />
            <BudgetBar
              label="Engagé"
              part={p.centsCommitted}
              whole={p.budgetCents}
              text={formatCents(p.centsCommitted)}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
