import { Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import type { THouseholdDetail } from '@shared/contracts/households.ts';
import {
  MONTHLY_POINT_STATUS_LABELS,
  ZMonthlyPointUpdate,
  type TMonthFigures,
  type TMonthlyPoints,
} from '@shared/contracts/evaluations.ts';
import { formatDateTime, formatMonth } from '@shared/format.ts';
import { EVALUATION_ROUTES as R } from '@shared/routes/evaluations.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DialogButton, FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDuration } from '../committees/committee-ui.ts';

type Month = TMonthlyPoints['measures'][number]['months'][number];

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** « 3 activités · 2 h 20 · 2 contacts · 1 visite à domicile ». */
export const figuresText = (f: TMonthFigures) =>
  [
    plural(f.activities, 'activité', 'activités'),
    formatDuration(f.minutes),
    plural(f.contacts, 'contact avec le ménage', 'contacts avec le ménage'),
    plural(f.homeVisits, 'visite à domicile', 'visites à domicile'),
  ].join(' · ');

/** The month's figures in full: the totals, each brique, each contract objective touched. */
function Figures({ figures, title }: { figures: TMonthFigures; title: string }) {
  return (
    <Stack gap={4}>
      <Text fw={600}>{title}</Text>
      <Text size="sm">{figuresText(figures)}</Text>
      {figures.byBrique.length > 0 && (
        <List size="sm" aria-label="Activités par brique">
          {figures.byBrique.map((b) => (
            <List.Item key={b.code}>
              {b.label} : {plural(b.activities, 'activité', 'activités')}, {formatDuration(b.minutes)}
            </List.Item>
          ))}
        </List>
      )}
      {figures.objectives.length > 0 && (
        <List size="sm" aria-label="Objectifs du contrat travaillés">
          {figures.objectives.map((o) => (
            <List.Item key={o.title}>
              Objectif « {o.title} » : {plural(o.activities, 'activité', 'activités')}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/**
 * The report of a month's point: prepared (a draft from the journal, with a first report) when the
 * month has none, completed at the version read (its figures taken again from the journal) otherwise.
 */
function ReportDialog({
  householdId,
  measureId,
  month,
  onClose,
}: {
  householdId: string;
  measureId: string;
  month: Month;
  onClose: () => void;
}) {
  const point = month.point;
  const form = useBodyForm({ report: point?.report ?? '' }, ZMonthlyPointUpdate, (v) => ({
    ...v,
    rowVersion: point?.rowVersion ?? 1,
  }));
  const options = {
    form,
    invalidate: [routeKey(R.monthlyPoints, { params: { id: householdId } })],
    onSuccess: onClose,
  };
  const prepare = useRouteMutation(R.prepareMonthlyPoint, {
    ...options,
    successMessage: 'Point mensuel préparé.',
  });
  const update = useRouteMutation(R.updateMonthlyPoint, {
    ...options,
    successMessage: 'Point mensuel enregistré.',
  });
  return (
    <FormDialog
      title={`Point mensuel de ${formatMonth(month.month)}`}
      intro={
        point
          ? undefined
          : 'Le brouillon reprend le journal du mois. Vous le complétez avec le compte rendu, puis vous le validez.'
      }
      form={form}
      mutation={point ? update : prepare}
      onSubmit={(v) =>
        point
          ? update.mutate({
              params: { id: householdId, pointId: point.id },
              body: { report: v.report, rowVersion: point.rowVersion },
            })
          : prepare.mutate({
              params: { id: householdId, measureId },
              body: { month: month.month, report: v.report },
            })
      }
      onReload={onClose}
      onClose={onClose}
      submitLabel={point ? 'Enregistrer le brouillon' : 'Préparer le point'}
    >
      <Figures figures={month.journal} title="Le journal du mois" />
      <Textarea
        label="Compte rendu du point fait avec le ménage"
        description="Ce qui a été fait ce mois-ci, ce que le ménage en dit, ce qui reste à faire."
        autosize
        minRows={4}
        {...form.getInputProps('report')}
      />
    </FormDialog>
  );
}

/** What can be done on a month: prepare, complete and validate, or correct a validated point. */
function MonthActions({
  householdId,
  measureId,
  month,
}: {
  householdId: string;
  measureId: string;
  month: Month;
}) {
  const invalidate = [routeKey(R.monthlyPoints, { params: { id: householdId } })];
  const validate = useRouteMutation(R.validateMonthlyPoint, {
    invalidate,
    successMessage: 'Point mensuel validé.',
  });
  const correct = useRouteMutation(R.correctMonthlyPoint, {
    invalidate,
    successMessage: 'Correction ouverte : une nouvelle version en brouillon.',
  });
  const point = month.point;
  const label = formatMonth(month.month);
  if (!point)
    return (
      <DialogButton
        label={`Préparer le point de ${label}`}
        variant="light"
        dialog={(close) => (
          <ReportDialog householdId={householdId} measureId={measureId} month={month} onClose={close} />
        )}
      />
    );
  const target = { params: { id: householdId, pointId: point.id }, body: { rowVersion: point.rowVersion } };
  if (point.status === 'validated')
    return (
      <ConfirmButton
        variant="light"
        title={`Corriger le point de ${label} ?`}
        message="Le point validé reste tel quel ; sa correction est une nouvelle version, à valider à son tour."
        confirmLabel="Ouvrir la correction"
        onConfirm={() => correct.mutateAsync(target)}
      >
        {`Corriger le point de ${label}`}
      </ConfirmButton>
    );
  return (
    <Group gap="xs">
      <DialogButton
        label={`Compléter le point de ${label}`}
        variant="light"
        dialog={(close) => (
          <ReportDialog householdId={householdId} measureId={measureId} month={month} onClose={close} />
        )}
      />
      <ConfirmButton
        title={`Valider le point de ${label} ?`}
        message="Ses chiffres sont figés et il ne se modifie plus (une correction en fait une nouvelle version)."
        confirmLabel="Valider"
        onConfirm={() => validate.mutateAsync(target)}
      >
        {`Valider le point de ${label}`}
      </ConfirmButton>
    </Group>
  );
}

function pointState(month: Month): string {
  const p = month.point;
  if (!p) return 'À préparer';
  if (p.status === 'validated')
    return `Validé le ${formatDateTime(p.validatedAt)}${p.validatedByName ? ` par ${p.validatedByName}` : ''}`;
  return month.validatedVersion ? `Correction en cours (version ${p.version})` : 'Brouillon';
}

/** The monthly points of the household's measures, month by month, newest first. */
export function MonthlyPointsTab({ file }: { file: THouseholdDetail }) {
  const query = useRouteQuery(R.monthlyPoints, { params: { id: file.id } });
  return (
    <Stack>
      <Title order={2}>Points mensuels</Title>
      <Text size="sm">
        Chaque mois, un point avec le ménage et un court compte rendu : le brouillon reprend le journal du
        mois (activités par brique, objectifs du contrat travaillés, temps passé, contacts et visites).
      </Text>
      <QueryState query={query} loadingLabel="Chargement des points mensuels…">
        {({ measures }) =>
          measures.length === 0 ? (
            <EmptyState
              title="Aucune mesure commencée"
              description="Les points mensuels commencent avec la première mesure d’accompagnement."
            />
          ) : (
            measures.map((m) => (
              <Stack key={m.measureId} gap="xs">
                <Title order={3} size="h4">
                  {m.name}
                  {m.active ? '' : ' (terminée)'}
                </Title>
                <DataTable
                  caption={`Points mensuels — ${m.name}`}
                  rows={m.months}
                  rowKey={(row) => row.month}
                  columns={[
                    { key: 'month', header: 'Mois', render: (row) => formatMonth(row.month) },
                    {
                      key: 'figures',
                      header: 'Journal du mois',
                      render: (row) => figuresText(row.point?.figures ?? row.journal),
                    },
                    {
                      key: 'status',
                      header: 'Point',
                      render: (row) =>
                        row.point ? (
                          <Stack gap={2}>
                            <StatusBadge
                              value={row.point.status}
                              labels={MONTHLY_POINT_STATUS_LABELS}
                              tones={{ draft: 'warning', validated: 'success' }}
                            />
                            <Text size="xs">{pointState(row)}</Text>
                          </Stack>
                        ) : (
                          pointState(row)
                        ),
                    },
                    {
                      key: 'actions',
                      header: 'Actions',
                      render: (row) => (
                        <MonthActions householdId={file.id} measureId={m.measureId} month={row} />
                      ),
                    },
                  ]}
                  emptyTitle="Aucun mois"
                />
              </Stack>
            ))
          )
        }
      </QueryState>
    </Stack>
  );
}
