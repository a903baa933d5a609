import { useState } from 'react';
import { Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { APPOINTMENT_KIND_LABELS, type TAppointment, type TWeek } from '@shared/contracts/agenda.ts';
import { formatDate } from '@shared/format.ts';
import { AGENDA_ROUTES } from '@shared/routes/agenda.ts';
import { addDays, parisDate, parisToday } from '@shared/time.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { PATHS } from '../../paths.ts';
import {
  AppointmentLine,
  AppointmentStatusDialog,
  AppointmentDialog,
  slotText,
  AppointmentActions,
} from './agenda-ui.tsx';

const dayName = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
/** « lundi 19 octobre » for a calendar day. */
const dayTitle = (day: string) => {
  const text = dayName.format(new Date(`${day}T12:00:00Z`));
  return text.charAt(0).toUpperCase() + text.slice(1);
};

type Entry =
  | { kind: 'appointment'; startsAt: string; appointment: TAppointment }
  | { kind: 'meeting'; startsAt: string; meeting: TWeek['meetings'][number] };

/** The week's appointments and meetings, day by day (Paris days), in order. */
function byDay(week: TWeek): { day: string; entries: Entry[] }[] {
  const entries: Entry[] = [
    ...week.appointments.map((a) => ({ kind: 'appointment' as const, startsAt: a.startsAt, appointment: a })),
    ...week.meetings.map((m) => ({ kind: 'meeting' as const, startsAt: m.startsAt, meeting: m })),
  ].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return Array.from({ length: 7 }, (_, i) => addDays(week.monday, i)).map((day) => ({
    day,
    entries: entries.filter((e) => parisDate(new Date(e.startsAt)) === day),
  }));
}

/** A social worker's week, Monday to Sunday: appointments and committee meetings; planning from here. */
export function AgendaPage() {
  const [day, setDay] = useState(() => parisToday());
  const [userId, setUserId] = useState<string | null>(null);
  const [planning, setPlanning] = useState(false);
  const [closing, setClosing] = useState<TAppointment | null>(null);
  const [editing, setEditing] = useState<TAppointment | null>(null);
  const people = useRouteQuery(AGENDA_ROUTES.people, {});
  const week = useRouteQuery(AGENDA_ROUTES.week, { query: { day, ...(userId ? { userId } : {}) } });
  const today = parisToday();
  return (
    <>
      <PageHeader
        title="Agenda"
        description="La semaine du lundi au dimanche (heure de Paris) : vos rendez-vous et les réunions des comités de votre organisation."
        actions={<Button onClick={() => setPlanning(true)}>Planifier un rendez-vous</Button>}
      />
      {planning && <AppointmentDialog file={null} onClose={() => setPlanning(false)} />}
      {closing && <AppointmentStatusDialog appointment={closing} onClose={() => setClosing(null)} />}
      {editing && <AppointmentDialog file={null} editing={editing} onClose={() => setEditing(null)} />}
      <Group justify="space-between" mb="md" wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <Button variant="default" onClick={() => setDay(addDays(day, -7))}>
            Semaine précédente
          </Button>
          <Button variant="default" onClick={() => setDay(today)}>
            Aujourd’hui
          </Button>
          <Button variant="default" onClick={() => setDay(addDays(day, 7))}>
            Semaine suivante
          </Button>
        </Group>
        {people.data?.mayChoose && (
          <Select
            label="Agenda de"
            placeholder="Le mien"
            clearable
            data={people.data.items.map((p) => ({ value: p.id, label: p.name }))}
            value={userId}
            onChange={setUserId}
          />
        )}
      </Group>
      <QueryState query={week} loadingLabel="Chargement de la semaine…">
        {(w) => (
          <Stack gap="sm">
            <Title order={2} size="h4">
              {w.user.name} — semaine du {formatDate(w.monday)} au {formatDate(w.sunday)}
            </Title>
            {byDay(w).map(({ day: d, entries }) => (
              <Paper key={d} component="section" aria-label={dayTitle(d)} withBorder p="sm" radius="md">
                <Title order={3} size="h5" mb="xs">
                  {dayTitle(d)}
                  {d === today ? ' (aujourd’hui)' : ''}
                </Title>
                {entries.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    Rien de prévu.
                  </Text>
                ) : (
                  <Stack gap="sm">
                    {entries.map((e) =>
                      e.kind === 'appointment' ? (
                        <Group
                          key={e.appointment.id}
                          component="article"
                          aria-label={`${APPOINTMENT_KIND_LABELS[e.appointment.kind]}, ${slotText(e.appointment)}`}
                          justify="space-between"
                          align="flex-start"
                          wrap="wrap"
                        >
                          <AppointmentLine appointment={e.appointment} withHousehold />
                          <AppointmentActions
                            appointment={e.appointment}
                            onEdit={() => setEditing(e.appointment)}
                            onStatus={() => setClosing(e.appointment)}
                          />
                        </Group>
                      ) : (
                        <Stack key={e.meeting.id} gap={2}>
                          <Text fw={600}>{slotText(e.meeting)}</Text>
                          <Anchor component={Link} to={PATHS.meeting(e.meeting.id)}>
                            Réunion : {e.meeting.committeeName}
                          </Anchor>
                          {e.meeting.location && <Text size="sm">Lieu : {e.meeting.location}</Text>}
                        </Stack>
                      ),
                    )}
                  </Stack>
                )}
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
