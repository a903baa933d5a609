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
import { parisLocal } from '@shared/time.ts';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';
import { PATHS } from '../../paths.ts';
import { optionsOf, useOrganisations } from '../households/organisations.ts';

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

/** The form's values of an appointment being changed (Paris clock), or of a new one. */
function initialValues(editing: TAppointment | null, userId: string, withHousehold: boolean): Values {
  if (!editing)
    return {
      kind: withHousehold ? 'home_visit' : 'partner_meeting',
      startsAt: '',
      endsAt: '',
      place: '',
      note: '',
      userIds: [userId],
      memberIds: [],
      organisationIds: [],
    };
  const ids = (named: { id: string }[]) => named.map((n) => n.id);
  return {
    kind: editing.kind,
    startsAt: parisLocal(editing.startsAt),
    endsAt: parisLocal(editing.endsAt),
    place: editing.place ?? '',
    note: editing.note ?? '',
    userIds: ids(editing.users),
    memberIds: ids(editing.members),
    organisationIds: ids(editing.organisations),
  };
}

/**
 * Plans an appointment — from a household's file (its members, its parties) or with no household —
 * or changes a planned one at the version read.
 */
export function AppointmentDialog({
  file,
  editing = null,
  onClose,
}: {
  file: THouseholdDetail | null;
  editing?: TAppointment | null;
  onClose: () => void;
}) {
  const me = useSession();
  const people = useRouteQuery(AGENDA_ROUTES.people, {});
  const directory = useOrganisations();
  const householdId = file?.id ?? editing?.householdId ?? null;
  const form = useBodyForm<Values>(
    initialValues(editing, me.user.id, householdId !== null),
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
    invalidate: [AGENDA_KEY, ...(householdId ? [householdAppointmentsKey(householdId)] : [])],
    successMessage: editing ? 'Rendez-vous modifié.' : 'Rendez-vous planifié.',
    onSuccess: (saved: TAppointmentSaved) => {
      warnOverlaps(saved);
      onClose();
    },
  };
  const createForHousehold = useRouteMutation(AGENDA_ROUTES.householdCreate, options);
  const createAlone = useRouteMutation(AGENDA_ROUTES.create, options);
  const updateForHousehold = useRouteMutation(AGENDA_ROUTES.householdUpdate, options);
  const updateAlone = useRouteMutation(AGENDA_ROUTES.update, options);
  const mutation = editing
    ? householdId
      ? updateForHousehold
      : updateAlone
    : householdId
      ? createForHousehold
      : createAlone;
  const submit = (v: Values) => {
    const b = ZAppointmentCreate.parse(body(v));
    if (!editing) {
      if (householdId) createForHousehold.mutate({ params: { id: householdId }, body: b });
      else createAlone.mutate({ body: b });
      return;
    }
    const update = { ...b, rowVersion: editing.rowVersion };
    if (householdId)
      updateForHousehold.mutate({ params: { id: householdId, appointmentId: editing.id }, body: update });
    else updateAlone.mutate({ params: { appointmentId: editing.id }, body: update });
  };
  const kinds = optionsOf(APPOINTMENT_KIND_LABELS).filter(
    (o) => householdId || WITHOUT_HOUSEHOLD.includes(o.value as AppointmentKind),
  );
  // The file's members, or those already invited when changing it from the week.
  const members =
    file?.members?.map((m) => ({ value: m.id, label: `${m.firstName} ${m.lastName}` })) ??
    editing?.members.map((m) => ({ value: m.id, label: m.name })) ??
    [];
  return (
    <FormDialog
      title={
        editing
          ? 'Modifier le rendez-vous'
          : householdId
            ? 'Planifier un rendez-vous avec le ménage'
            : 'Planifier un rendez-vous'
      }
      intro="Les partenaires invités voient le rendez-vous, jamais sa note. Un chevauchement avec un autre rendez-vous est signalé sans être refusé."
      form={form}
      mutation={mutation}
      onSubmit={submit}
      onClose={onClose}
      submitLabel={editing ? 'Enregistrer' : 'Planifier'}
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
      {/* Pickers are rendered once their names are known: a choice is never shown by an identifier. */}
      {people.data && (
        <MultiSelect
          label="Intervenants"
          data={people.data.items.map((p) => ({ value: p.id, label: p.name }))}
          {...form.getInputProps('userIds')}
        />
      )}
      {members.length > 0 && (
        <MultiSelect label="Membres du ménage présents" data={members} {...form.getInputProps('memberIds')} />
      )}
      {directory.data && (
        <OrganisationMultiSelect
          label="Partenaires invités"
          description={householdId ? 'Des organisations parties au dossier.' : undefined}
          excludeIds={me.organisation ? [me.organisation.id] : []}
          {...form.getInputProps('organisationIds')}
        />
      )}
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

/** Change and outcome, for a planned appointment of one's organisation. */
export function AppointmentActions({
  appointment,
  onEdit,
  onStatus,
}: {
  appointment: TAppointment;
  onEdit: () => void;
  onStatus: () => void;
}) {
  // Only the planning organisation receives the note (null when empty): a partner's copy has none.
  if (appointment.status !== 'planned' || appointment.note === undefined) return null;
  return (
    <Group gap="xs">
      <Button size="xs" variant="default" onClick={onEdit}>
        Modifier
      </Button>
      <Button size="xs" variant="light" onClick={onStatus}>
        Indiquer le statut
      </Button>
    </Group>
  );
}
