import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { APPOINTMENT_KIND_LABELS, type TAppointment } from '@shared/contracts/agenda.ts';
import type { THouseholdDetail } from '@shared/contracts/households.ts';
import { formatDate } from '@shared/format.ts';
import { AGENDA_ROUTES } from '@shared/routes/agenda.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import {
  AppointmentLine,
  AppointmentStatusDialog,
  AppointmentDialog,
  AppointmentActions,
} from './agenda-ui.tsx';

/**
 * The household file's « Rendez-vous » tab: the appointments the reader's organisation planned or
 * takes part in; its caseworker plans new ones.
 */
export function AppointmentsTab({ file }: { file: THouseholdDetail }) {
  const list = useRouteQuery(AGENDA_ROUTES.householdList, { params: { id: file.id } });
  const [planning, setPlanning] = useState(false);
  const [closing, setClosing] = useState<TAppointment | null>(null);
  const [editing, setEditing] = useState<TAppointment | null>(null);
  const mayPlan = file.accessLevel === 'caseworker';
  const plan = mayPlan && <Button onClick={() => setPlanning(true)}>Planifier un rendez-vous</Button>;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4">
          Rendez-vous
        </Title>
        {plan}
      </Group>
      {planning && <AppointmentDialog file={file} onClose={() => setPlanning(false)} />}
      {closing && <AppointmentStatusDialog appointment={closing} onClose={() => setClosing(null)} />}
      {editing && <AppointmentDialog file={file} editing={editing} onClose={() => setEditing(null)} />}
      <QueryState query={list} loadingLabel="Chargement des rendez-vous…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              title="Aucun rendez-vous"
              description="Les visites, entretiens et accompagnements planifiés avec le ménage apparaîtront ici."
              action={plan}
            />
          ) : (
            <Stack gap="sm">
              {items.map((a) => (
                <Paper
                  key={a.id}
                  component="article"
                  aria-label={`${APPOINTMENT_KIND_LABELS[a.kind]}, ${formatDate(a.startsAt)}`}
                  withBorder
                  p="sm"
                  radius="md"
                >
                  <Group justify="space-between" align="flex-start" wrap="wrap">
                    <Stack gap={4}>
                      <Text size="sm" c="dimmed">
                        {formatDate(a.startsAt)} — {a.organisationName}
                      </Text>
                      <AppointmentLine appointment={a} withHousehold={false} />
                    </Stack>
                    <AppointmentActions
                      appointment={a}
                      onEdit={() => setEditing(a)}
                      onStatus={() => setClosing(a)}
                    />
                  </Group>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
