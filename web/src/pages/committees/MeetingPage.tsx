import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { canAddItem } from '@shared/access/committee-policy.ts';
import {
  COMMITTEE_KIND_LABELS,
  DECISION_OUTCOME_LABELS,
  HOUSEHOLD_PRESENCE,
  HOUSEHOLD_PRESENCE_LABELS,
  ITEM_KIND_LABELS,
  ZItemCreate,
  type DecisionOutcome,
  type ItemKind,
  type TAgendaSuggestion,
  type TMeeting,
  type TMeetingItem,
} from '@shared/contracts/committees.ts';
import { MEASURE_STATUS_LABELS } from '@shared/contracts/measures.ts';
import { DIAGNOSTIC_ROUTES } from '@shared/routes/diagnostics.ts';
import { COMMITTEE_ROUTES } from '@shared/routes/committees.ts';
import { MEASURE_ROUTES } from '@shared/routes/measures.ts';
import { formatDate, formatDateTime } from '@shared/format.ts';
import { oneOf } from '../../api/url-params.ts';
import { routeUrl, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { HouseholdSelect } from '../../components/HouseholdSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';
import { Facts } from '../households/Facts.tsx';
import { useBodyForm } from '../../components/FormDialog.tsx';
import { optionsOf } from '../households/organisations.ts';
import { PATHS } from '../../paths.ts';
import { COMMITTEES_KEY, formatDuration, meetingKey, useCommitteeActor } from './committee-ui.ts';
import { DecisionDialog } from './DecisionDialog.tsx';

const OUTCOME_TONES: Record<DecisionOutcome, Tone> = {
  orientation: 'success',
  renewal: 'success',
  closure: 'neutral',
  deferral: 'warning',
  decline: 'danger',
};

/** A change to the agenda refreshes the meeting and the committees' item counts. */
const agendaChanged = (meetingId: string) => [meetingKey(meetingId), COMMITTEES_KEY];

export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const query = useRouteQuery(COMMITTEE_ROUTES.meeting, { params: { meetingId } });
  return (
    <QueryState query={query} loadingLabel="Chargement de la réunion…">
      {(meeting) => <MeetingView meeting={meeting} />}
    </QueryState>
  );
}

function MeetingView({ meeting: m }: { meeting: TMeeting }) {
  const actor = useCommitteeActor();
  // The meeting says whether the reader convenes it; members propose households they are party to
  // (the household picker lists only those).
  const mayPropose = canAddItem(actor, { organisationId: m.convenes ? actor.organisationId : '' }, true);
  return (
    <>
      <PageHeader
        title={`Réunion du ${formatDateTime(m.startsAt)}`}
        description={`${m.committeeName} — ${COMMITTEE_KIND_LABELS[m.committeeKind]}`}
        actions={
          <Group gap="xs">
            <Button
              component="a"
              variant="light"
              href={routeUrl(COMMITTEE_ROUTES.invitation, { params: { meetingId: m.id } })}
              download="reunion.ics"
            >
              Ajouter à mon agenda
            </Button>
            <Button
              component="a"
              variant="default"
              href={routeUrl(COMMITTEE_ROUTES.minutes, { params: { meetingId: m.id } })}
              target="_blank"
            >
              Relevé de décisions (PDF)
            </Button>
          </Group>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <Facts
            items={[
              { label: 'Comité', value: m.committeeName },
              { label: 'Date et heure (heure de Paris)', value: formatDateTime(m.startsAt) },
              { label: 'Durée', value: formatDuration(m.durationMinutes) },
              { label: 'Lieu', value: m.location },
            ]}
          />
        </Paper>
        <Section title={`Ordre du jour (${m.items.length})`}>
          {m.items.length === 0 ? (
            <Text c="dimmed">Aucune situation inscrite pour l’instant.</Text>
          ) : (
            <Stack gap="md">
              {m.items.map((item) => (
                <AgendaItem key={item.id} meeting={m} item={item} />
              ))}
            </Stack>
          )}
        </Section>
        {m.convenes && <Suggestions meeting={m} />}
        {mayPropose && <ProposeItem meeting={m} />}
      </Stack>
    </>
  );
}

function AgendaItem({ meeting, item }: { meeting: TMeeting; item: TMeetingItem }) {
  const [deciding, setDeciding] = useState(false);
  const d = item.decision;
  const mayRecordPresence = item.canSetPresence;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={`Dossier ${item.fileLabel}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={3} size="h5">
            {item.fileLabel} — {item.title}
          </Title>
          <Group gap="xs">
            <Badge variant="outline" color="gray" radius="sm" tt="none">
              {ITEM_KIND_LABELS[item.kind]}
            </Badge>
            {d ? (
              <StatusBadge value={d.outcome} labels={DECISION_OUTCOME_LABELS} tones={OUTCOME_TONES} />
            ) : (
              <Badge variant="light" color="blue" radius="sm" tt="none">
                À décider
              </Badge>
            )}
          </Group>
        </Group>
        <Facts
          items={[
            { label: 'Proposé par', value: item.addedByOrganisationName },
            {
              label: 'Mesure',
              value: item.measure
                ? [
                    item.measure.schemeName,
                    item.measure.status,
                    item.measure.plannedEndOn && `fin prévue le ${formatDate(item.measure.plannedEndOn)}`,
                  ]
                    .filter(Boolean)
                    .join(' — ')
                : undefined,
            },
            {
              label: 'Ménage',
              value: mayRecordPresence ? undefined : HOUSEHOLD_PRESENCE_LABELS[item.householdPresence],
            },
            { label: 'Décision', value: d ? `${d.summary} (le ${formatDate(d.decidedOn)})` : undefined },
            { label: 'Motif ou note', value: d?.reason ?? undefined },
          ]}
        />
        {mayRecordPresence && <PresenceSelect meetingId={meeting.id} item={item} />}
        <Group gap="md">
          {item.householdId && (
            <Anchor component={Link} to={PATHS.household(item.householdId)}>
              Ouvrir le dossier {item.fileLabel}
            </Anchor>
          )}
          {item.committeeDiagnosticId && (
            <Anchor
              href={routeUrl(DIAGNOSTIC_ROUTES.pdf, {
                params: { id: item.committeeDiagnosticId },
                query: { version: 'committee' },
              })}
              target="_blank"
              rel="noopener"
            >
              Diagnostic, version comité (PDF)
            </Anchor>
          )}
          {meeting.convenes && !d && (
            <Button onClick={() => setDeciding(true)}>Enregistrer la décision</Button>
          )}
        </Group>
      </Stack>
      {deciding && <DecisionDialog meeting={meeting} item={item} onClose={() => setDeciding(false)} />}
    </Paper>
  );
}

function PresenceSelect({ meetingId, item }: { meetingId: string; item: TMeetingItem }) {
  const save = useRouteMutation(COMMITTEE_ROUTES.presence, {
    invalidate: [meetingKey(meetingId)],
    successMessage: 'Présence du ménage enregistrée.',
  });
  return (
    <Stack gap={4} maw={360}>
      <Select
        label="Information et présence du ménage"
        data={optionsOf(HOUSEHOLD_PRESENCE_LABELS)}
        value={item.householdPresence}
        allowDeselect={false}
        disabled={save.isPending}
        onChange={(value) => {
          const presence = oneOf(HOUSEHOLD_PRESENCE, value);
          if (presence) save.mutate({ params: { meetingId, itemId: item.id }, body: { presence } });
        }}
      />
      <ApiErrorAlert error={save.error} />
    </Stack>
  );
}

function Suggestions({ meeting }: { meeting: TMeeting }) {
  const add = useRouteMutation(COMMITTEE_ROUTES.addItem, {
    invalidate: agendaChanged(meeting.id),
    successMessage: 'Situation inscrite à l’ordre du jour.',
  });
  const inscribe = (s: TAgendaSuggestion) =>
    add.mutate({
      params: { meetingId: meeting.id },
      body: { kind: s.kind, householdId: s.householdId, referenceId: s.referenceId, title: s.title },
    });
  return (
    <Section title="En attente">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Saisines acceptées, diagnostics approuvés et mesures à décider parmi les ménages que suivent les
          membres du comité.
        </Text>
        <ApiErrorAlert error={add.error} />
        <DataTable
          caption="Situations en attente d’un passage en comité"
          rows={meeting.suggestions}
          rowKey={(s) => s.referenceId}
          emptyTitle="Rien en attente"
          columns={[
            { key: 'file', header: 'Dossier', render: (s) => s.fileLabel },
            { key: 'title', header: 'Objet', render: (s) => s.title },
            { key: 'kind', header: 'Type', render: (s) => ITEM_KIND_LABELS[s.kind], hideOnSmall: true },
            {
              key: 'action',
              header: 'Action',
              render: (s) => (
                <Button
                  size="xs"
                  variant="light"
                  loading={add.isPending && add.variables?.body.referenceId === s.referenceId}
                  onClick={() => inscribe(s)}
                >
                  Inscrire à l’ordre du jour
                </Button>
              ),
            },
          ]}
        />
      </Stack>
    </Section>
  );
}

/** What a member may present: a measure or an approved diagnostic of the household, or another situation. */
const PROPOSED_KINDS = [
  'measure_review',
  'measure_closing',
  'diagnostic',
  'other',
] as const satisfies readonly ItemKind[];

type ProposeValues = {
  householdId: string | null;
  kind: string | null;
  referenceId: string | null;
  title: string;
};
const proposeBody = (v: ProposeValues) => ({
  kind: v.kind ?? undefined,
  householdId: v.householdId ?? '',
  referenceId: v.kind === 'other' ? null : v.referenceId,
  title: v.title,
});

function ProposeItem({ meeting }: { meeting: TMeeting }) {
  const form = useBodyForm<ProposeValues>(
    { householdId: null, kind: null, referenceId: null, title: '' },
    ZItemCreate,
    proposeBody,
  );
  const add = useRouteMutation(COMMITTEE_ROUTES.addItem, {
    form,
    invalidate: agendaChanged(meeting.id),
    successMessage: 'Situation inscrite à l’ordre du jour.',
    onSuccess: () => form.reset(),
  });
  const { householdId, kind } = form.values;
  return (
    <Section title="Proposer une situation">
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          add.mutate({ params: { meetingId: meeting.id }, body: ZItemCreate.parse(proposeBody(v)) }),
        )}
      >
        <Stack gap="sm" maw={640}>
          <ApiErrorAlert error={add.error} />
          <HouseholdSelect
            required
            {...form.getInputProps('householdId')}
            onChange={(value) => {
              form.setFieldValue('householdId', value);
              form.setFieldValue('referenceId', null);
            }}
          />
          <Select
            label="Type de situation"
            required
            data={PROPOSED_KINDS.map((k) => ({ value: k, label: ITEM_KIND_LABELS[k] }))}
            {...form.getInputProps('kind')}
            onChange={(value) => {
              form.setFieldValue('kind', value);
              form.setFieldValue('referenceId', null);
            }}
          />
          {householdId &&
            (kind === 'diagnostic' || kind === 'measure_review' || kind === 'measure_closing') && (
              <ReferenceSelect householdId={householdId} kind={kind} {...form.getInputProps('referenceId')} />
            )}
          <TextInput
            label="Intitulé"
            description="Ce que le comité doit examiner ; seules les organisations parties au dossier le lisent."
            required
            {...form.getInputProps('title')}
          />
          <Group>
            <Button type="submit" loading={add.isPending}>
              Inscrire à l’ordre du jour
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

interface ReferenceSelectProps {
  householdId: string;
  kind: 'diagnostic' | 'measure_review' | 'measure_closing';
  value?: string | null;
  onChange: (value: string | null) => void;
  error?: string;
}

/** What the item presents: one of the household's measures, or its approved diagnostic. */
function ReferenceSelect({ householdId, kind, ...props }: ReferenceSelectProps) {
  const isDiagnostic = kind === 'diagnostic';
  const measures = useRouteQuery(
    MEASURE_ROUTES.list,
    { params: { id: householdId } },
    { enabled: !isDiagnostic },
  );
  const diagnostics = useRouteQuery(
    DIAGNOSTIC_ROUTES.list,
    { params: { id: householdId } },
    { enabled: isDiagnostic },
  );
  const query = isDiagnostic ? diagnostics : measures;
  const data = isDiagnostic
    ? (diagnostics.data?.items ?? [])
        .filter((d) => d.approvedAt)
        .map((d) => ({
          value: d.id,
          label: `Diagnostic n° ${d.version}, approuvé le ${formatDate(d.approvedAt)}`,
        }))
    : (measures.data?.items ?? []).map((m) => ({
        value: m.id,
        label: `${m.schemeName} — ${MEASURE_STATUS_LABELS[m.status]}${m.plannedEndOn ? `, fin prévue le ${formatDate(m.plannedEndOn)}` : ''}`,
      }));
  return (
    <Select
      label={isDiagnostic ? 'Diagnostic présenté' : 'Mesure concernée'}
      required
      placeholder={query.isPending ? 'Chargement…' : undefined}
      nothingFoundMessage={isDiagnostic ? 'Aucun diagnostic approuvé' : 'Aucune mesure'}
      data={data}
      {...props}
      error={props.error ?? query.error?.message}
    />
  );
}
