import { Anchor, Badge, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { TYPOLOGY_LABELS } from '@shared/contracts/household-enums.ts';
import {
  RESERVATION_CHANNEL_LABELS,
  VACANCY_STATUS_LABELS,
  ZVacancyCreate,
  ZVacancyEnd,
  type ReservationChannel,
  type TVacancy,
} from '@shared/contracts/vacancies.ts';
import { formatCents, formatDate } from '@shared/format.ts';
import { DWELLING_ROUTES } from '@shared/routes/dwellings.ts';
import { VACANCY_ROUTES } from '@shared/routes/vacancies.ts';
import { addDays, parisToday } from '@shared/time.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { DialogButton, FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';
import { optionsOf } from '../households/organisations.ts';
import { Link } from 'react-router-dom';
import { PATHS } from '../../paths.ts';
import { dwellingWords, vacancyTitle } from './vacancy-words.ts';

const STATUS_TONES: Record<TVacancy['status'], Tone> = {
  open: 'success',
  withdrawn: 'neutral',
  closed: 'info',
};
const vacanciesKey = routeKey(VACANCY_ROUTES.list, {});

/**
 * Vacancies: a landlord's staff publish, withdraw and close those of their stock; the social workers of
 * a SIAO or an association read the open vacancies of their département.
 */
export function VacanciesPage() {
  const query = useRouteQuery(VACANCY_ROUTES.list, {});
  const publishes = query.data?.canPublish ?? false;
  return (
    <>
      <PageHeader
        title={publishes ? 'Vacances publiées' : 'Logements vacants proposés'}
        description={
          publishes
            ? 'Les logements libres de votre parc que vous proposez : les SIAO et associations du département qui tiennent un vivier en sont prévenus.'
            : 'Les logements vacants que les bailleurs du département proposent, la date limite de réponse la plus proche d’abord.'
        }
        actions={
          publishes && (
            <DialogButton label="Publier une vacance" dialog={(close) => <PublishDialog onClose={close} />} />
          )
        }
      />
      <QueryState query={query} loadingLabel="Chargement des vacances…">
        {(list) => (
          <DataTable
            caption={publishes ? 'Vacances de votre parc' : 'Logements vacants ouverts'}
            rows={list.items}
            rowKey={(v) => v.id}
            emptyTitle="Aucune vacance"
            emptyDescription={
              publishes
                ? 'Vous n’avez publié aucune vacance.'
                : 'Aucun logement vacant n’est proposé dans votre département pour le moment.'
            }
            columns={[
              {
                key: 'dwelling',
                header: 'Logement',
                render: (v) => (
                  <Stack gap={0}>
                    <Anchor component={Link} to={PATHS.vacancy(v.id)} size="sm" fw={600}>
                      {vacancyTitle(v)}
                    </Anchor>
                    <Text size="xs">{v.dwelling.address}</Text>
                    <Text size="xs" c="dimmed">
                      {dwellingWords(v)}
                    </Text>
                  </Stack>
                ),
              },
              {
                key: 'rent',
                header: 'Loyer et charges',
                render: (v) => (
                  <Text size="sm">
                    {formatCents(v.monthlyRentCents)} + {formatCents(v.monthlyChargesCents)} par mois
                  </Text>
                ),
              },
              {
                key: 'channel',
                header: 'Contingent',
                hideOnSmall: true,
                render: (v) => (
                  <Stack gap={0}>
                    <Text size="sm">{RESERVATION_CHANNEL_LABELS[v.channel]}</Text>
                    <Text size="xs" c="dimmed">
                      {v.landlordName}
                    </Text>
                  </Stack>
                ),
              },
              {
                key: 'answer',
                header: 'Réponse et visites',
                render: (v) => (
                  <Stack gap={2}>
                    <Text size="sm">Réponse avant le {formatDate(v.answerBy)}</Text>
                    {v.visitDates.length > 0 && (
                      <Text size="xs">Visites : {v.visitDates.map((d) => formatDate(d)).join(', ')}</Text>
                    )}
                    {v.visitDetails && (
                      <Text size="xs" c="dimmed">
                        {v.visitDetails}
                      </Text>
                    )}
                  </Stack>
                ),
              },
              {
                key: 'status',
                header: 'Statut',
                render: (v) => (
                  <Stack gap={2}>
                    <StatusBadge value={v.status} labels={VACANCY_STATUS_LABELS} tones={STATUS_TONES} />
                    <Text size="xs" c="dimmed">
                      publiée le {formatDate(v.publishedAt)}
                    </Text>
                    {v.endReason && <Text size="xs">{v.endReason}</Text>}
                  </Stack>
                ),
              },
              ...(publishes
                ? [
                    {
                      key: 'actions',
                      header: 'Actions',
                      render: (v: TVacancy) =>
                        v.canEnd && (
                          <Group gap="xs">
                            <DialogButton
                              label="Clôturer"
                              variant="light"
                              dialog={(close) => <EndDialog vacancy={v} outcome="close" onClose={close} />}
                            />
                            <DialogButton
                              label="Retirer"
                              variant="light"
                              dialog={(close) => <EndDialog vacancy={v} outcome="withdraw" onClose={close} />}
                            />
                          </Group>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

type PublishValues = {
  dwellingId: string | null;
  channel: ReservationChannel | null;
  answerBy: string | null;
  visitDetails: string;
  visit1: string | null;
  visit2: string | null;
};
const publishBody = (v: PublishValues) => ({
  dwellingId: v.dwellingId ?? '',
  channel: v.channel ?? undefined,
  answerBy: v.answerBy ?? '',
  visitDetails: v.visitDetails.trim() === '' ? null : v.visitDetails,
  visitDates: [v.visit1, v.visit2].filter((d): d is string => d !== null),
});

function PublishDialog({ onClose }: { onClose: () => void }) {
  const stock = useRouteQuery(DWELLING_ROUTES.list, { query: { status: 'vacant', page: 1, pageSize: 100 } });
  const form = useBodyForm<PublishValues>(
    {
      dwellingId: null,
      channel: null,
      answerBy: addDays(parisToday(), 10),
      visitDetails: '',
      visit1: null,
      visit2: null,
    },
    ZVacancyCreate,
    publishBody,
    {
      dwellingId: 'Choisissez le logement vacant à proposer.',
      channel: 'Choisissez le contingent.',
      answerBy: 'Indiquez la date limite de réponse.',
    },
  );
  const publish = useRouteMutation(VACANCY_ROUTES.publish, {
    form,
    invalidate: [vacanciesKey],
    successMessage: 'Vacance publiée : les SIAO et associations du département sont prévenus.',
    onSuccess: onClose,
  });
  const options = (stock.data?.items ?? []).map((d) => ({
    value: d.id,
    label: [d.reference, d.typology && TYPOLOGY_LABELS[d.typology], d.address, d.communeName]
      .filter(Boolean)
      .join(' — '),
  }));
  return (
    <FormDialog
      title="Publier une vacance"
      intro="Le loyer et les charges annoncés sont ceux en vigueur aujourd’hui dans la fiche du logement."
      form={form}
      mutation={publish}
      onClose={onClose}
      onSubmit={(v) => publish.mutate({ body: { ...publishBody(v), channel: v.channel! } })}
      submitLabel="Publier"
    >
      <Select
        label="Logement vacant"
        required
        searchable
        data={options}
        nothingFoundMessage="Aucun logement vacant dans votre parc"
        {...form.getInputProps('dwellingId')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Contingent"
          required
          data={optionsOf(RESERVATION_CHANNEL_LABELS)}
          {...form.getInputProps('channel')}
        />
        <DateField label="Réponse attendue avant le" required {...form.getInputProps('answerBy')} />
        <DateField label="Première date de visite" {...form.getInputProps('visit1')} />
        <DateField label="Seconde date de visite" {...form.getInputProps('visit2')} />
      </SimpleGrid>
      <Textarea label="Modalités de visite" autosize minRows={2} {...form.getInputProps('visitDetails')} />
    </FormDialog>
  );
}

function EndDialog({
  vacancy,
  outcome,
  onClose,
}: {
  vacancy: TVacancy;
  outcome: 'withdraw' | 'close';
  onClose: () => void;
}) {
  const form = useBodyForm<{ reason: string }>({ reason: '' }, ZVacancyEnd, (v) => ({
    reason: v.reason.trim() === '' ? null : v.reason,
  }));
  const end = useRouteMutation(outcome === 'withdraw' ? VACANCY_ROUTES.withdraw : VACANCY_ROUTES.close, {
    form,
    invalidate: [vacanciesKey],
    successMessage: outcome === 'withdraw' ? 'Vacance retirée.' : 'Vacance clôturée.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title={outcome === 'withdraw' ? 'Retirer la vacance' : 'Clôturer la vacance'}
      intro={
        <Text size="sm">
          {vacancy.dwelling.address}{' '}
          <Badge variant="light" component="span">
            {RESERVATION_CHANNEL_LABELS[vacancy.channel]}
          </Badge>
        </Text>
      }
      form={form}
      mutation={end}
      onClose={onClose}
      onSubmit={(v) =>
        end.mutate({ params: { id: vacancy.id }, body: { reason: v.reason.trim() === '' ? null : v.reason } })
      }
      submitLabel={outcome === 'withdraw' ? 'Retirer' : 'Clôturer'}
      danger={outcome === 'withdraw'}
    >
      <TextInput
        label={outcome === 'withdraw' ? 'Motif du retrait' : 'Précision (facultatif)'}
        {...form.getInputProps('reason')}
      />
    </FormDialog>
  );
}
