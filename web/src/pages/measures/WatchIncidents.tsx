import { useId, useState } from 'react';
import { Anchor, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { canReportWatchIncident } from '@shared/access/measure-policy.ts';
import type { THouseholdDetail } from '@shared/contracts/households.ts';
import {
  WATCH_INCIDENT_KIND_LABELS,
  ZWatchIncidentInput,
  ZWatchReopen,
  type TWatchIncident,
  type WatchIncidentKind,
} from '@shared/contracts/watch.ts';
import { formatDate, formatDateTime } from '@shared/format.ts';
import { MEASURE_ROUTES } from '@shared/routes/measures.ts';
import { parisToday } from '@shared/time.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { householdKey } from '../households/household-api.ts';
import { optionsOf } from '../households/organisations.ts';
import { overCapacityAlert } from './MeasureActions.tsx';

/** The anchor of a measure's card in the « Mesures » tab (the link between two measures). */
export const measureAnchor = (measureId: string) => `mesure-${measureId}`;

/**
 * The watch (veille) on the « Mesures » tab: while the household is under watch, the landlord (or a
 * party's social worker) reports an incident; the incidents reported, each with the case it
 * reopened, or the « Rouvrir un accompagnement » action for the watch's operator.
 */
export function WatchIncidents({ file, watchUntil }: { file: THouseholdDetail; watchUntil: string | null }) {
  const me = useSession();
  const titleId = useId();
  const incidents = useRouteQuery(MEASURE_ROUTES.incidents, { params: { id: file.id } });
  const [reporting, setReporting] = useState(false);
  const [reopening, setReopening] = useState<TWatchIncident | null>(null);
  const mayReport =
    watchUntil !== null &&
    me.organisation !== null &&
    canReportWatchIncident(
      { organisationId: me.organisation.id, organisationType: me.organisation.type, roles: me.roles },
      file.accessLevel,
    );
  const items = incidents.data?.items ?? [];
  if (!mayReport && items.length === 0) return null;
  return (
    <Paper component="section" aria-labelledby={titleId} withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id={titleId}>
            Veille sociale : incidents signalés
          </Title>
          {mayReport && (
            <Button size="sm" variant="light" onClick={() => setReporting(true)}>
              Signaler un incident
            </Button>
          )}
        </Group>
        {watchUntil && (
          <Text size="sm">
            Le ménage est en veille jusqu’au {formatDate(watchUntil)}. Un incident (nouveaux impayés, trouble
            de voisinage…) est transmis au référent, qui peut rouvrir un accompagnement.
          </Text>
        )}
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            Aucun incident signalé pendant la veille.
          </Text>
        ) : (
          <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((i) => (
              <li key={i.id}>
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                  <Stack gap={2}>
                    <Text size="sm" fw={600}>
                      {i.summary}
                    </Text>
                    <Text size="sm" c="dimmed">
                      Signalé le {formatDateTime(i.reportedAt)}
                      {i.reportedByName ? ` par ${i.reportedByName}` : ''}
                      {i.reportedByOrganisationName ? ` (${i.reportedByOrganisationName})` : ''}, pendant la
                      veille après la mesure {i.schemeName}
                    </Text>
                    {i.reopenedMeasureId && (
                      <Text size="sm">
                        Un accompagnement a été rouvert :{' '}
                        <Anchor href={`#${measureAnchor(i.reopenedMeasureId)}`}>
                          voir la nouvelle mesure
                        </Anchor>
                      </Text>
                    )}
                  </Stack>
                  {i.canReopen && (
                    <Button size="sm" onClick={() => setReopening(i)}>
                      Rouvrir un accompagnement
                    </Button>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
      {reporting && <ReportIncidentDialog householdId={file.id} onClose={() => setReporting(false)} />}
      {reopening && (
        <ReopenDialog householdId={file.id} incident={reopening} onClose={() => setReopening(null)} />
      )}
    </Paper>
  );
}

function ReportIncidentDialog({ householdId, onClose }: { householdId: string; onClose: () => void }) {
  type V = {
    kind: WatchIncidentKind | null;
    occurredOn: string | null;
    amountCents: number | null;
    note: string;
  };
  const body = (v: V) => ({
    kind: v.kind ?? undefined,
    occurredOn: v.occurredOn ?? '',
    amountCents: v.kind === 'rent_arrears' ? v.amountCents : null,
    note: v.note.trim() || null,
  });
  const form = useBodyForm<V>(
    { kind: null, occurredOn: parisToday(), amountCents: null, note: '' },
    ZWatchIncidentInput,
    body,
    { kind: 'Choisissez la nature de l’incident.', occurredOn: 'Indiquez la date de l’incident.' },
  );
  const report = useRouteMutation(MEASURE_ROUTES.reportIncident, {
    form,
    invalidate: [householdKey(householdId)],
    successMessage: 'Incident signalé : le référent du ménage est prévenu.',
    onSuccess: onClose,
  });
  const arrears = form.values.kind === 'rent_arrears';
  return (
    <FormDialog
      title="Signaler un incident pendant la veille"
      intro="Le référent qui suivait le ménage reçoit une tâche et une notification ; l’incident figure dans l’historique du dossier."
      form={form}
      mutation={report}
      onClose={onClose}
      // The form's check ran first: the kind is chosen.
      onSubmit={(v) => report.mutate({ params: { id: householdId }, body: { ...body(v), kind: v.kind! } })}
      submitLabel="Signaler l’incident"
    >
      <Select
        label="Nature de l’incident"
        required
        data={optionsOf(WATCH_INCIDENT_KIND_LABELS)}
        {...form.getInputProps('kind')}
      />
      <DateField
        label={arrears ? 'Date du constat des impayés' : 'Date de l’incident'}
        required
        {...form.getInputProps('occurredOn')}
      />
      {arrears && <MoneyInput label="Montant des impayés" required {...form.getInputProps('amountCents')} />}
      <Textarea
        label={arrears ? 'Précisions (facultatif)' : 'Description de l’incident'}
        required={!arrears}
        autosize
        minRows={3}
        {...form.getInputProps('note')}
      />
    </FormDialog>
  );
}

function ReopenDialog({
  householdId,
  incident,
  onClose,
}: {
  householdId: string;
  incident: TWatchIncident;
  onClose: () => void;
}) {
  const form = useBodyForm<Record<string, never>>({}, ZWatchReopen, () => ({}));
  const reopen = useRouteMutation(MEASURE_ROUTES.reopen, {
    form,
    invalidate: [householdKey(householdId)],
    successMessage: 'Accompagnement rouvert : une nouvelle mesure est proposée.',
    onSuccess: onClose,
  });
  const send = (confirmOverCapacity = false) =>
    reopen.mutate({ params: { id: householdId, incidentId: incident.id }, body: { confirmOverCapacity } });
  return (
    <FormDialog
      title="Rouvrir un accompagnement ?"
      intro={`Une nouvelle mesure ${incident.schemeName} sera proposée pour le ménage, reprise de la mesure terminée (opérateur, référent, briques, intensité), avec cet incident pour motif. Elle sera ensuite prescrite puis soumise au financeur ; son début mettra fin à la veille.`}
      form={form}
      mutation={reopen}
      onClose={onClose}
      onSubmit={() => send()}
      submitLabel="Rouvrir l’accompagnement"
      errorOverride={overCapacityAlert(reopen, () => send(true))}
    >
      <Text size="sm" fw={600}>
        Motif : {incident.summary}
      </Text>
    </FormDialog>
  );
}
