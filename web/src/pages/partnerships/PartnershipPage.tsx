import { useState } from 'react';
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useParams } from 'react-router-dom';
import { OCCUPANCY_KIND_LABELS, type OccupancyKind } from '@shared/contracts/housing-stock.ts';
import {
  AVAILABILITY_END_REASON_LABELS,
  ZAmendmentCreate,
  ZAvailabilityEnd,
  ZConventionDwellingCreate,
  type AvailabilityEndReason,
  type TConvention,
  type TConventionReview,
} from '@shared/contracts/partnerships.ts';
import { formatCents, formatDate } from '@shared/format.ts';
import { parisDate, parisToday } from '@shared/time.ts';
import { PARTNERSHIP_ROUTES } from '@shared/routes/partnerships.ts';
import { routeKey, routeUrl, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { DialogButton, FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { optionsOf } from '../households/organisations.ts';
import {
  CommitmentsField,
  commitmentsOfValues,
  FeeFields,
  feeOfValues,
  termsValuesOf,
  type TermsValues,
} from './terms-fields.tsx';

const conventionKey = (conventionId: string) => [
  routeKey(PARTNERSHIP_ROUTES.get, { params: { conventionId } }),
  routeKey(PARTNERSHIP_ROUTES.review, { params: { conventionId } }),
];

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
              {
                key: 'until',
                header: 'Jusqu’au',
                render: (d) =>
                  d.availableUntil
                    ? `${formatDate(d.availableUntil)} (${AVAILABILITY_END_REASON_LABELS[d.endReason!].toLowerCase()}${d.endNote ? ` : ${d.endNote}` : ''})`
                    : c.canAmend && <EndAvailabilityButton convention={c} entry={d} />,
              },
              { key: 'gla', header: 'Gestion locative adaptée', render: (d) => (d.gla ? 'Oui' : 'Non') },
            ]}
          />
        </Section>
        <Section
          title="Avenants"
          action={
            c.canAmend && (
              <DialogButton
                label="Conclure un avenant"
                dialog={(close) => <AmendDialog convention={c} onClose={close} />}
              />
            )
          }
        >
          {c.amendments.length === 0 ? (
            <Text c="dimmed">Aucun avenant : les termes sont ceux de la convention signée.</Text>
          ) : (
            <Stack gap="sm">
              {c.amendments.map((a) => (
                <Stack key={a.id} gap={2}>
                  <Text fw={600}>
                    Avenant n° {a.number}, à compter du {formatDate(a.effectiveOn)}
                  </Text>
                  <List size="sm">
                    {a.changes.map((line) => (
                      <List.Item key={line}>{line}</List.Item>
                    ))}
                  </List>
                  <Text size="xs" c="dimmed">
                    Enregistré le {formatDate(parisDate(new Date(a.recordedAt)))}
                    {a.recordedBy ? ` par ${a.recordedBy}` : ''}
                  </Text>
                </Stack>
              ))}
            </Stack>
          )}
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
    invalidate: conventionKey(r.conventionId),
    successMessage: 'Plan de gestion locative adaptée écrit en tâches.',
  });
  const gla = r.dwellings.filter((d) => d.gla);
  return (
    <Stack>
      <DataTable
        caption={`Bilan ${r.year} par logement`}
        rows={r.dwellings}
        rowKey={(d) => d.address}
        emptyTitle="Aucun logement"
        columns={[
          {
            key: 'address',
            header: 'Logement',
            render: (d) =>
              d.endedOn
                ? `${d.address} (jusqu’au ${formatDate(d.endedOn)} : ${AVAILABILITY_END_REASON_LABELS[d.endReason!].toLowerCase()})`
                : d.address,
          },
          { key: 'kind', header: 'Occupation', hideOnSmall: true, render: (d) => d.occupancyText },
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
      {r.amendments.length > 0 && (
        <List size="sm">
          {r.amendments.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
      {gla.length > 0 && (
        <Stack gap="xs">
          <Text fw={600}>Gestion locative adaptée : coût {formatCents(r.totals.glaCostCents)}</Text>
          {gla.map((d) => (
            <Stack key={d.address} gap={2}>
              <Text size="sm">
                {d.address} — {formatCents(d.gla!.costCents)} ({formatCents(d.gla!.perDwellingYearCents)} par
                logement et par an ; {d.gla!.schemeSource})
              </Text>
              <Text size="sm">
                Contacts mensuels faits : {d.gla!.contactsDone} sur {d.gla!.contactsPlanned} ; tâches du plan
                faites : {d.gla!.tasksDone} sur {d.gla!.tasks.length}.
              </Text>
              <DataTable
                caption={`Plan ${r.year} de gestion locative adaptée — ${d.address}`}
                rows={d.gla!.tasks.filter((t) => t.kind !== 'monthly_contact' || t.doneOn)}
                rowKey={(t) => `${t.kind}-${t.dueOn}`}
                emptyTitle="Aucune tâche"
                columns={[
                  { key: 'kind', header: 'Tâche', render: (t) => t.label },
                  { key: 'due', header: 'Au plus tard le', render: (t) => formatDate(t.dueOn) },
                  {
                    key: 'done',
                    header: 'Faite',
                    render: (t) => (t.doneOn ? `le ${formatDate(t.doneOn)}` : 'Pas encore'),
                  },
                ]}
              />
            </Stack>
          ))}
          <Text size="sm" c="dimmed">
            Une fois le plan écrit, ses tâches sont dans « Mes tâches » de la personne qui l’a écrit ; elles y
            sont notées faites.
          </Text>
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
            {plan.data && (
              <Text size="sm">
                {plan.data.added} tâche(s) ajoutée(s) ; {plan.data.tasks.length} tâche(s) au plan {r.year}.
              </Text>
            )}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

function EndAvailabilityButton({
  convention,
  entry,
}: {
  convention: TConvention;
  entry: TConvention['dwellings'][number];
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        aria-label={`Mettre fin à la mise à disposition du ${entry.address}`}
        onClick={() => setOpen(true)}
      >
        Mettre fin
      </Button>
      {open && <EndAvailabilityDialog convention={convention} entry={entry} onClose={() => setOpen(false)} />}
    </>
  );
}

type EndValues = { lastDay: string | null; reason: AvailabilityEndReason | null; note: string };

function EndAvailabilityDialog({
  convention,
  entry,
  onClose,
}: {
  convention: TConvention;
  entry: TConvention['dwellings'][number];
  onClose: () => void;
}) {
  const body = (v: EndValues) => ({ lastDay: v.lastDay ?? '', reason: v.reason ?? undefined, note: v.note });
  const form = useBodyForm<EndValues>(
    { lastDay: parisToday(), reason: null, note: '' },
    ZAvailabilityEnd,
    body,
    {
      reason: 'Choisissez le motif.',
    },
  );
  const end = useRouteMutation(PARTNERSHIP_ROUTES.endAvailability, {
    form,
    invalidate: conventionKey(convention.id),
    successMessage: 'Mise à disposition terminée.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title="Mettre fin à la mise à disposition"
      intro={`${entry.address} quittera la convention après son dernier jour ; il redevient disponible pour le bailleur.`}
      form={form}
      mutation={end}
      onClose={onClose}
      onSubmit={(v) =>
        end.mutate({
          params: { conventionId: convention.id, entryId: entry.id },
          body: { ...body(v), reason: v.reason! },
        })
      }
      submitLabel="Mettre fin"
    >
      <DateField label="Dernier jour de mise à disposition" required {...form.getInputProps('lastDay')} />
      <Select
        label="Motif"
        required
        data={optionsOf(AVAILABILITY_END_REASON_LABELS)}
        {...form.getInputProps('reason')}
      />
      <Textarea label="Précision" autosize minRows={2} {...form.getInputProps('note')} />
    </FormDialog>
  );
}

type AmendValues = TermsValues & {
  effectiveOn: string | null;
  endOn: string | null;
  kinds: Record<string, OccupancyKind>;
};

function AmendDialog({ convention: c, onClose }: { convention: TConvention; onClose: () => void }) {
  const current = termsValuesOf(c);
  const available = c.dwellings.filter((d) => !d.availableUntil);
  // Only the terms that differ from those in force are sent: the amendment records what changed.
  const body = (v: AmendValues) => {
    const fee = feeOfValues(v);
    const commitments = commitmentsOfValues(v);
    const dwellings = available
      .filter((d) => v.kinds[d.id] !== d.occupancyKind)
      .map((d) => ({ entryId: d.id, occupancyKind: v.kinds[d.id]! }));
    return {
      effectiveOn: v.effectiveOn ?? '',
      ...(JSON.stringify(fee) !== JSON.stringify(c.fee) && { fee }),
      ...(commitments.join('\n') !== c.commitments.join('\n') && { commitments }),
      ...(v.endOn !== c.endOn && { endOn: v.endOn }),
      ...(dwellings.length > 0 && { dwellings }),
    };
  };
  const form = useBodyForm<AmendValues>(
    {
      ...current,
      effectiveOn: parisToday(),
      endOn: c.endOn,
      kinds: Object.fromEntries(available.map((d) => [d.id, d.occupancyKind])),
    },
    ZAmendmentCreate,
    body,
    { effectiveOn: 'Indiquez la date d’effet.' },
  );
  const amend = useRouteMutation(PARTNERSHIP_ROUTES.amend, {
    form,
    invalidate: conventionKey(c.id),
    successMessage: 'Avenant enregistré.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title="Conclure un avenant"
      intro="Modifiez les termes qui changent : ils s’appliquent à partir de la date d’effet, le bilan annuel en tient compte au prorata."
      form={form}
      mutation={amend}
      onClose={onClose}
      onSubmit={(v) => amend.mutate({ params: { conventionId: c.id }, body: body(v) })}
      submitLabel="Enregistrer l’avenant"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label="Date d’effet" required {...form.getInputProps('effectiveOn')} />
        <DateField label="Fin de la convention" {...form.getInputProps('endOn')} />
        <FeeFields form={form} />
      </SimpleGrid>
      <CommitmentsField form={form} />
      {available.map((d, i) => (
        <Select
          key={d.id}
          label={`Type d’occupation — ${d.address}`}
          allowDeselect={false}
          data={optionsOf(OCCUPANCY_KIND_LABELS)}
          {...form.getInputProps(`kinds.${d.id}`)}
          error={form.errors[`dwellings.${i}.occupancyKind`]}
        />
      ))}
    </FormDialog>
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
    invalidate: conventionKey(convention.id),
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
