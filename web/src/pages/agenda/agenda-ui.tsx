import { Anchor, Button, Group, MultiSelect, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router-dom';
import {
  APPOINTMENT_KIND_LABELS,
  APPOINTMENT_STATUS_LABELS,
  ZAppointmentCreate,
  ZAppointmentStatusChange,
  type AppointmentKind,
  type AppointmentStatus,
  type TAppointment,
  type TAppointmentSaved,
} from '@shared/contracts/agenda.ts';
import type { THouseholdDetail } from '@shared/contracts/households.ts';
import { AGENDA_ROUTES } from '@shared/routes/agenda.ts';
import { formatTime } from '@shared/format.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { OrganisationMultiSelect } from '../../components/OrganisationSelect.tsx';
import { ParisDateTimeInput, parisInstant } from '../../components/ParisDateTimeInput.tsx';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';
import { PATHS } from '../../paths.ts';
import { optionsOf } from '../households/organisations.ts';

/** Every agenda answer lives under /api/agenda; a household's under its file. */
export const AGENDA_KEY = ['agenda'];
export const householdAppointmentsKey = (householdId: string) =>
  routeKey(AGENDA_ROUTES.householdList, { params: { id: householdId } });

export const APPOINTMENT_STATUS_TONES: Partial<Record<AppointmentStatus, Tone>> = {
  planned: 'info',
  done: 'success',
  cancelled: 'neutral',
  missed: 'warning',
};

/** The kinds planned without a household (visits and accompaniments are planned from the file). */
const WITHOUT_HOUSEHOLD: AppointmentKind[] = ['partner_meeting', 'office_meeting', 'phone_call'];

/** « 14:00 – 15:00 », Paris time. */
export const slotText = (a: { startsAt: string; endsAt: string }) =>
  `${formatTime(a.startsAt)} – ${formatTime(a.endsAt)}`;

/** One appointment in a list: when, what, with whom, where, its status. */
export function AppointmentLine({
  appointment: a,
  withHousehold,
}: {
  appointment: TAppointment;
  withHousehold: boolean;
}) {
  const people = [...a.users, ...a.members, ...a.organisations].map((p) => p.name).join(', ');
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>{slotText(a)}</Text>
        <Text>{APPOINTMENT_KIND_LABELS[a.kind]}</Text>
        <StatusBadge value={a.status} labels={APPOINTMENT_STATUS_LABELS} tones={APPOINTMENT_STATUS_TONES} />
      </Group>
      {withHousehold && a.householdId && a.householdLabel && (
        <Anchor component={Link} to={PATHS.household(a.householdId)} size="sm">
          Dossier {a.householdLabel}
        </Anchor>
      )}
      {a.place && <Text size="sm">Lieu : {a.place}</Text>}
      {people && <Text size="sm">Participants : {people}</Text>}
      {a.note && (
        <Text size="sm" c="dimmed">
          {a.note}
        </Text>
      )}
      {a.cancelReason && <Text size="sm">Motif d’annulation : {a.cancelReason}</Text>}
    </Stack>
  );
}

type Values = {
  kind: AppointmentKind | null;
  startsAt: string;
  endsAt: string;
  place: string;
  note: string;
  userIds: string[];
  memberIds: string[];
  organisationIds: string[];
};
const body = (v: Values) => ({
  ...v,
  kind: v.kind ?? undefined,
  startsAt: parisInstant(v.startsAt),
  endsAt: parisInstant(v.endsAt),
  place: v.place.trim() || null,
  note: v.note.trim() || null,
});

/** What the server warned of: the same people's appointments the new one overlaps. */
function warnOverlaps({ overlaps }: TAppointmentSaved) {
  if (overlaps.length === 0) return;
  notifications.show({
    color: 'yellow',
    // No title: Mantine greys the text under a title below the contrast axe requires.
    message: `Chevauchement : ${overlaps.map((o) => `${o.userName} a déjà un rendez-vous de ${slotText(o)}.`).join(' ')}`,
    autoClose: 10_000,
  });
}

/** Plans an appointment: from a household's file (its members, its parties), or with no household. */
export function PlanAppointmentDialog({
  file,
  onClose,
}: {
  file: THouseholdDetail | null;
  onClose: () => void;
}) {
  const me = useSession();
  const people = useRouteQuery(AGENDA_ROUTES.people, {});
  const form = useBodyForm<Values>(
    {
      kind: file ? 'home_visit' : 'partner_meeting',
      startsAt: '',
      endsAt: '',
      place: '',
      note: '',
      userIds: [me.user.id],
      memberIds: [],
      organisationIds: [],
    },
    ZAppointmentCreate,
    body,
    {
      kind: 'Choisissez le type de rendez-vous.',
      startsAt: 'Indiquez le début.',
      endsAt: 'Indiquez la fin.',
    },
  );
  const options = {
    form,
    invalidate: [AGENDA_KEY, ...(file ? [householdAppointmentsKey(file.id)] : [])],
    successMessage: 'Rendez-vous planifié.',
    onSuccess: (saved: TAppointmentSaved) => {
      warnOverlaps(saved);
      onClose();
    },
  };
  const forHousehold = useRouteMutation(AGENDA_ROUTES.householdCreate, options);
  const alone = useRouteMutation(AGENDA_ROUTES.create, options);
  const mutation = file ? forHousehold : alone;
  const kinds = optionsOf(APPOINTMENT_KIND_LABELS).filter(
    (o) => file || WITHOUT_HOUSEHOLD.includes(o.value as AppointmentKind),
  );
  return (
    <FormDialog
      title={file ? 'Planifier un rendez-vous avec le ménage' : 'Planifier un rendez-vous'}
      intro="Les partenaires invités voient le rendez-vous, jamais sa note. Un chevauchement avec un autre rendez-vous est signalé sans être refusé."
      form={form}
      mutation={mutation}
      onSubmit={(v) =>
        file
          ? forHousehold.mutate({ params: { id: file.id }, body: ZAppointmentCreate.parse(body(v)) })
          : alone.mutate({ body: ZAppointmentCreate.parse(body(v)) })
      }
      onClose={onClose}
      submitLabel="Planifier"
    >
      <Select label="Type de rendez-vous" required data={kinds} {...form.getInputProps('kind')} />
      <Group grow wrap="wrap">
        <ParisDateTimeInput label="Début" required {...form.getInputProps('startsAt')} />
        <ParisDateTimeInput label="Fin" required {...form.getInputProps('endsAt')} />
      </Group>
      <TextInput
        label="Lieu"
        description="Adresse, commune ou service : c’est ce que montre votre calendrier personnel."
        {...form.getInputProps('place')}
      />
      {/* Rendered once the names are known: a chosen person is never shown by an identifier. */}
      {people.data && (
        <MultiSelect
          label="Intervenants"
          data={people.data.items.map((p) => ({ value: p.id, label: p.name }))}
          {...form.getInputProps('userIds')}
        />
      )}
      {file?.members && (
        <MultiSelect
          label="Membres du ménage présents"
          data={file.members.map((m) => ({ value: m.id, label: `${m.firstName} ${m.lastName}` }))}
          {...form.getInputProps('memberIds')}
        />
      )}
      <OrganisationMultiSelect
        label="Partenaires invités"
        description={file ? 'Des organisations parties au dossier.' : undefined}
        excludeIds={me.organisation ? [me.organisation.id] : []}
        {...form.getInputProps('organisationIds')}
      />
      <Textarea
        label="Note (interne à votre organisation)"
        autosize
        minRows={2}
        {...form.getInputProps('note')}
      />
    </FormDialog>
  );
}

type StatusValues = { status: AppointmentStatus | null; reason: string };

/** How an appointment turned out: done, missed by the household, or cancelled with its reason. */
export function AppointmentStatusDialog({
  appointment,
  onClose,
}: {
  appointment: TAppointment;
  onClose: () => void;
}) {
  const statusBody = (v: StatusValues) => ({
    rowVersion: appointment.rowVersion,
    status: v.status ?? undefined,
    reason: v.reason.trim() || null,
  });
  const form = useBodyForm<StatusValues>({ status: null, reason: '' }, ZAppointmentStatusChange, statusBody, {
    status: 'Choisissez le statut.',
  });
  const options = {
    form,
    invalidate: [
      AGENDA_KEY,
      ...(appointment.householdId ? [householdAppointmentsKey(appointment.householdId)] : []),
    ],
    successMessage: 'Rendez-vous mis à jour.',
    onSuccess: onClose,
  };
  const forHousehold = useRouteMutation(AGENDA_ROUTES.householdStatus, options);
  const alone = useRouteMutation(AGENDA_ROUTES.status, options);
  const mutation = appointment.householdId ? forHousehold : alone;
  return (
    <FormDialog
      title={`${APPOINTMENT_KIND_LABELS[appointment.kind]} — ${slotText(appointment)}`}
      form={form}
      mutation={mutation}
      onSubmit={(v) => {
        const b = ZAppointmentStatusChange.parse(statusBody(v));
        if (appointment.householdId)
          forHousehold.mutate({
            params: { id: appointment.householdId, appointmentId: appointment.id },
            body: b,
          });
        else alone.mutate({ params: { appointmentId: appointment.id }, body: b });
      }}
      onClose={onClose}
      submitLabel="Enregistrer"
    >
      <Select
        label="Statut"
        required
        data={optionsOf(APPOINTMENT_STATUS_LABELS).filter((o) => o.value !== 'planned')}
        {...form.getInputProps('status')}
      />
      {form.values.status === 'cancelled' && (
        <Textarea label="Motif de l’annulation" required autosize {...form.getInputProps('reason')} />
      )}
    </FormDialog>
  );
}

/** The button that opens the status dialog, for a planned appointment of one's organisation. */
export function StatusButton({ appointment, onOpen }: { appointment: TAppointment; onOpen: () => void }) {
  // Only the planning organisation receives the note (null when empty): a partner's copy has none.
  if (appointment.status !== 'planned' || appointment.note === undefined) return null;
  return (
    <Button size="xs" variant="light" onClick={onOpen}>
      Indiquer le statut
    </Button>
  );
}
