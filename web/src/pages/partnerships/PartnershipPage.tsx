import { useState } from 'react';
import { Anchor, Button, Checkbox, Group, List, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useParams } from 'react-router-dom';
import { OCCUPANCY_KIND_LABELS, type OccupancyKind } from '@shared/contracts/housing-stock.ts';
import {
  ZConventionDwellingCreate,
  type TConvention,
  type TConventionReview,
} from '@shared/contracts/partnerships.ts';
import { formatCents, formatDate } from '@shared/format.ts';
import { GLA_TASK_LABELS } from '@shared/partnerships/gla-plan.ts';
import { parisToday } from '@shared/time.ts';
import { PARTNERSHIP_ROUTES } from '@shared/routes/partnerships.ts';
import { routeKey, routeUrl, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { DialogButton, FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { optionsOf } from '../households/organisations.ts';

/** A convention: its terms, its dwellings, and its yearly review computed from the data. */
export function PartnershipPage() {
  const { conventionId = '' } = useParams();
  const query = useRouteQuery(PARTNERSHIP_ROUTES.get, { params: { conventionId } });
  return (
    <QueryState query={query} loadingLabel="Ouverture de la convention…">
      {(c) => <Convention convention={c} />}
    </QueryState>
  );
}

function Convention({ convention: c }: { convention: TConvention }) {
  return (
    <>
      <PageHeader
        title={c.title}
        description={`Entre ${c.landlordName} et ${c.associationName}, du ${formatDate(c.startOn)}${c.endOn ? ` au ${formatDate(c.endOn)}` : ''}.`}
      />
      <Stack>
        <Section
          title="Logements mis à disposition"
          action={
            c.canManageDwellings &&
            c.candidateDwellings.length > 0 && (
              <DialogButton
                label="Mettre un logement à disposition"
                dialog={(close) => <AddDwellingDialog convention={c} onClose={close} />}
              />
            )
          }
        >
          <DataTable
            caption="Logements mis à disposition au titre de la convention"
            rows={c.dwellings}
            rowKey={(d) => d.id}
            emptyTitle="Aucun logement"
            emptyDescription="Aucun logement n’est encore mis à disposition au titre de cette convention."
            columns={[
              { key: 'address', header: 'Logement', render: (d) => d.address },
              {
                key: 'kind',
                header: 'Type d’occupation',
                render: (d) => OCCUPANCY_KIND_LABELS[d.occupancyKind],
              },
              { key: 'from', header: 'Depuis le', render: (d) => formatDate(d.availableFrom) },
              { key: 'gla', header: 'Gestion locative adaptée', render: (d) => (d.gla ? 'Oui' : 'Non') },
            ]}
          />
        </Section>
        <Section title="Engagements d’accompagnement">
          {c.commitments.length + c.briques.length === 0 ? (
            <Text c="dimmed">Aucun engagement inscrit.</Text>
          ) : (
            <List>
              {c.commitments.map((x) => (
                <List.Item key={x}>{x}</List.Item>
              ))}
              {c.briques.map((b) => (
                <List.Item key={b.code}>Brique {b.label}</List.Item>
              ))}
            </List>
          )}
        </Section>
        <ReviewSection conventionId={c.id} />
      </Stack>
    </>
  );
}

function ReviewSection({ conventionId }: { conventionId: string }) {
  const [year, setYear] = useState(Number(parisToday().slice(0, 4)));
  const target = { params: { conventionId }, query: { year } };
  const query = useRouteQuery(PARTNERSHIP_ROUTES.review, target);
  return (
    <Section
      title={`Bilan annuel ${year}`}
      action={
        <Group gap="xs">
          <NumberInput
            label="Année du bilan"
            value={year}
            min={2000}
            max={2100}
            allowDecimal={false}
            onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && setYear(v)}
            w={140}
          />
          <Anchor href={routeUrl(PARTNERSHIP_ROUTES.reviewPdf, target)} target="_blank" rel="noopener">
            Bilan {year} en PDF
          </Anchor>
        </Group>
      }
    >
      <QueryState query={query} loadingLabel="Calcul du bilan…">
        {(review) => <Review review={review} />}
      </QueryState>
    </Section>
  );
}

function Review({ review: r }: { review: TConventionReview }) {
  const plan = useRouteMutation(PARTNERSHIP_ROUTES.planGla, {
    successMessage: 'Plan de gestion locative adaptée écrit en tâches.',
  });
  const [done, setDone] = useState<Record<string, string>>({});
  const complete = useRouteMutation(PARTNERSHIP_ROUTES.glaTaskDone, {
    successMessage: 'Tâche notée comme faite.',
    onSuccess: (task) => setDone((d) => ({ ...d, [task.id]: task.doneOn ?? '' })),
  });
  const gla = r.dwellings.filter((d) => d.gla);
  const today = parisToday();
  return (
    <Stack>
      <DataTable
        caption={`Bilan ${r.year} par logement`}
        rows={r.dwellings}
        rowKey={(d) => d.address}
        emptyTitle="Aucun logement"
        columns={[
          { key: 'address', header: 'Logement', render: (d) => d.address },
          {
            key: 'kind',
            header: 'Occupation',
            hideOnSmall: true,
            render: (d) => OCCUPANCY_KIND_LABELS[d.occupancyKind],
          },
          { key: 'days', header: 'Jours mis à disposition', render: (d) => d.availableDays },
          { key: 'occupied', header: 'Jours occupés', render: (d) => d.occupiedDays },
          { key: 'vacant', header: 'Jours vacants', render: (d) => d.vacantDays },
          { key: 'fee', header: 'Participation due', render: (d) => formatCents(d.feeCents) },
        ]}
      />
      <Text>
        {r.totals.dwellings} logement(s) sur l’année : {r.totals.occupiedDays} jours occupés,{' '}
        {r.totals.vacantDays} jours vacants. Participation due :{' '}
        <strong>{formatCents(r.totals.feeCents)}</strong> ({r.feeText}).
      </Text>
      {gla.length > 0 && (
        <Stack gap="xs">
          <Text fw={600}>Gestion locative adaptée : coût {formatCents(r.totals.glaCostCents)}</Text>
          {gla.map((d) => (
            <Stack key={d.address} gap={2}>
              <Text size="sm">
                {d.address} — {formatCents(d.gla!.costCents)} ({formatCents(d.gla!.perDwellingYearCents)} par
                logement et par an ; {d.gla!.schemeSource})
              </Text>
              <Text size="xs" c="dimmed">
                {d.gla!.tasks.length} tâches :{' '}
                {d
                  .gla!.tasks.filter((t) => t.kind !== 'monthly_contact')
                  .map((t) => `${t.label.toLowerCase()} au plus tard le ${formatDate(t.dueOn)}`)
                  .join(' ; ')}
                , et un contact chaque mois.
              </Text>
            </Stack>
          ))}
          <Group>
            <Button
              variant="light"
              loading={plan.isPending}
              onClick={() =>
                plan.mutate({ params: { conventionId: r.conventionId }, body: { year: r.year } })
              }
            >
              Écrire le plan {r.year} en tâches
            </Button>
            {plan.error && (
              <Text c="red" size="sm">
                {plan.error.message}
              </Text>
            )}
          </Group>
          {plan.data && (
            <DataTable
              caption={`Tâches de gestion locative adaptée ${r.year}`}
              showCaption
              rows={plan.data.tasks}
              rowKey={(t) => t.id}
              emptyTitle="Aucune tâche"
              columns={[
                { key: 'address', header: 'Logement', render: (t) => t.address },
                { key: 'kind', header: 'Tâche', render: (t) => GLA_TASK_LABELS[t.kind] },
                { key: 'due', header: 'Au plus tard le', render: (t) => formatDate(t.dueOn) },
                {
                  key: 'done',
                  header: 'Faite',
                  render: (t) => {
                    const doneOn = done[t.id] ?? t.doneOn;
                    if (doneOn) return `le ${formatDate(doneOn)}`;
                    return (
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-label={`Noter « ${GLA_TASK_LABELS[t.kind]} » du ${formatDate(t.dueOn)} comme faite aujourd’hui`}
                        onClick={() =>
                          complete.mutate({
                            params: { conventionId: r.conventionId, taskId: t.id },
                            body: { doneOn: today },
                          })
                        }
                      >
                        Faite aujourd’hui
                      </Button>
                    );
                  },
                },
              ]}
            />
          )}
          {complete.error && (
            <Text c="red" size="sm">
              {complete.error.message}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}

type DwellingValues = {
  dwellingId: string | null;
  occupancyKind: OccupancyKind | null;
  availableFrom: string | null;
  gla: boolean;
};

function AddDwellingDialog({ convention, onClose }: { convention: TConvention; onClose: () => void }) {
  const body = (v: DwellingValues) => ({
    dwellingId: v.dwellingId ?? '',
    occupancyKind: v.occupancyKind ?? undefined,
    availableFrom: v.availableFrom ?? '',
    gla: v.gla,
  });
  const form = useBodyForm<DwellingValues>(
    { dwellingId: null, occupancyKind: null, availableFrom: parisToday(), gla: false },
    ZConventionDwellingCreate,
    body,
    { dwellingId: 'Choisissez le logement.', occupancyKind: 'Choisissez le type d’occupation.' },
  );
  const add = useRouteMutation(PARTNERSHIP_ROUTES.addDwelling, {
    form,
    invalidate: [routeKey(PARTNERSHIP_ROUTES.get, { params: { conventionId: convention.id } })],
    successMessage: 'Logement mis à disposition.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title="Mettre un logement à disposition"
      intro={`Le logement sera indiqué « mis à disposition » de ${convention.associationName}.`}
      form={form}
      mutation={add}
      onClose={onClose}
      onSubmit={(v) =>
        add.mutate({
          params: { conventionId: convention.id },
          body: { ...body(v), occupancyKind: v.occupancyKind! },
        })
      }
      submitLabel="Mettre à disposition"
    >
      <Select
        label="Logement"
        required
        searchable
        data={convention.candidateDwellings.map((d) => ({ value: d.id, label: d.label }))}
        {...form.getInputProps('dwellingId')}
      />
      <Select
        label="Type d’occupation"
        required
        data={optionsOf(OCCUPANCY_KIND_LABELS)}
        {...form.getInputProps('occupancyKind')}
      />
      <DateField label="À partir du" required {...form.getInputProps('availableFrom')} />
      <Checkbox label="En gestion locative adaptée" {...form.getInputProps('gla', { type: 'checkbox' })} />
    </FormDialog>
  );
}
