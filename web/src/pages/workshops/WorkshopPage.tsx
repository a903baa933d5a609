import { useState } from 'react';
import { Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useParams } from 'react-router-dom';
import {
  ATTENDANCE_LABELS,
  WORKSHOP_STATUS_LABELS,
  ZWorkshopCancel,
  type Attendance,
  type TWorkshop,
} from '@shared/contracts/workshops.ts';
import { WORKSHOP_ROUTES } from '@shared/routes/workshops.ts';
import { formatDateTime } from '@shared/format.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { HouseholdSelect } from '../../components/HouseholdSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { Facts } from '../households/Facts.tsx';
import { WORKSHOPS_KEY, WorkshopDialog } from './WorkshopsPage.tsx';

const keysOf = (workshopId: string) => [
  WORKSHOPS_KEY,
  routeKey(WORKSHOP_ROUTES.get, { params: { workshopId } }),
];

/** A workshop's page, for its organisation's staff: details, households invited, attendance. */
export function WorkshopPage() {
  const { workshopId = '' } = useParams();
  const query = useRouteQuery(WORKSHOP_ROUTES.get, { params: { workshopId } });
  return (
    <QueryState query={query} loadingLabel="Chargement de l’atelier…">
      {(w) => <WorkshopView workshop={w} />}
    </QueryState>
  );
}

function WorkshopView({ workshop: w }: { workshop: TWorkshop }) {
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const open = w.status === 'planned';
  return (
    <>
      <PageHeader
        title={w.theme}
        description={`${formatDateTime(w.startsAt)} — ${w.place}`}
        actions={
          open && (
            <Group>
              <Button variant="light" onClick={() => setEditing(true)}>
                Modifier
              </Button>
              <Button variant="subtle" color="red" onClick={() => setCancelling(true)}>
                Annuler l’atelier
              </Button>
            </Group>
          )
        }
      />
      {editing && <WorkshopDialog workshop={w} onClose={() => setEditing(false)} />}
      {cancelling && <CancelDialog workshop={w} onClose={() => setCancelling(false)} />}
      <Stack gap="lg">
        <Section title="L’atelier">
          <Facts
            items={[
              { label: 'Statut', value: WORKSHOP_STATUS_LABELS[w.status] },
              ...(w.cancelReason ? [{ label: 'Motif de l’annulation', value: w.cancelReason }] : []),
              { label: 'Durée', value: `${w.durationMinutes} minutes` },
              { label: 'Briques', value: w.briques.map((b) => b.label).join(', ') || 'Aucune' },
              { label: 'Animateurs', value: w.facilitators.map((f) => f.name).join(', ') || 'Aucun' },
              { label: 'Partenaires', value: w.partners.map((p) => p.name).join(', ') || 'Aucun' },
            ]}
          />
        </Section>
        <Invitations workshop={w} />
        {w.households.length > 0 && <AttendanceSheet key={w.rowVersion} workshop={w} />}
      </Stack>
    </>
  );
}

function Invitations({ workshop: w }: { workshop: TWorkshop }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const save = useRouteMutation(WORKSHOP_ROUTES.invitations, {
    invalidate: keysOf(w.id),
    successMessage: 'Invitations enregistrées.',
    onSuccess: () => setChosen(null),
  });
  const send = (householdIds: string[]) =>
    save.mutate({ params: { workshopId: w.id }, body: { rowVersion: w.rowVersion, householdIds } });
  const invited = w.households.map((h) => h.householdId);
  return (
    <Section title="Ménages invités">
      <Stack gap="sm">
        <ApiErrorAlert error={save.error} />
        {w.households.length === 0 ? (
          <Text size="sm" c="dimmed">
            Aucun ménage invité.
          </Text>
        ) : (
          <Stack gap={4}>
            {w.households.map((h) => (
              <Group key={h.householdId} justify="space-between">
                <Text size="sm">
                  {h.fileLabel} — {h.familyName}
                </Text>
                {w.status === 'planned' && !h.inJournal && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    aria-label={`Retirer l’invitation du ménage ${h.familyName}`}
                    onClick={() => send(invited.filter((id) => id !== h.householdId))}
                  >
                    Retirer
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {w.status === 'planned' && (
          <Group align="flex-end">
            <HouseholdSelect label="Inviter un ménage" value={chosen} onChange={(id) => setChosen(id)} />
            <Button
              disabled={!chosen}
              loading={save.isPending}
              onClick={() => chosen && send([...invited, chosen])}
            >
              Inviter
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}

type Marked = Exclude<Attendance, 'invited'>;

/** Attendance by checkboxes (large enough for a tablet): present or excused; neither is absent. */
function AttendanceSheet({ workshop: w }: { workshop: TWorkshop }) {
  const [marks, setMarks] = useState<Record<string, Marked>>(() =>
    Object.fromEntries(
      w.households.map((h) => [h.householdId, h.attendance === 'invited' ? 'absent' : h.attendance]),
    ),
  );
  const save = useRouteMutation(WORKSHOP_ROUTES.attendance, {
    invalidate: keysOf(w.id),
    successMessage: 'Présences enregistrées : chaque ménage présent les retrouve dans son journal.',
  });
  const toggle = (householdId: string, mark: Marked) => (checked: boolean) =>
    setMarks((m) => ({ ...m, [householdId]: checked ? mark : 'absent' }));
  return (
    <Section title="Présences">
      <Stack gap="sm">
        <ApiErrorAlert error={save.error} />
        <Table verticalSpacing="md">
          <Table.Caption>Présence des ménages invités</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Ménage</Table.Th>
              <Table.Th scope="col">Présent</Table.Th>
              <Table.Th scope="col">Excusé</Table.Th>
              <Table.Th scope="col">Noté</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {w.households.map((h) => {
              const mark = marks[h.householdId];
              const name = `${h.fileLabel} — ${h.familyName}`;
              return (
                <Table.Tr key={h.householdId}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td>
                    <Checkbox
                      size="md"
                      aria-label={`${name} : présent`}
                      checked={mark === 'present'}
                      disabled={h.inJournal || w.status !== 'planned'}
                      onChange={(e) => toggle(h.householdId, 'present')(e.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      size="md"
                      aria-label={`${name} : excusé`}
                      checked={mark === 'excused'}
                      disabled={h.inJournal || w.status !== 'planned'}
                      onChange={(e) => toggle(h.householdId, 'excused')(e.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    {ATTENDANCE_LABELS[h.attendance]}
                    {h.inJournal && ' (au journal)'}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {w.status === 'planned' && (
          <Group>
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate({
                  params: { workshopId: w.id },
                  body: {
                    rowVersion: w.rowVersion,
                    attendance: Object.entries(marks).map(([householdId, attendance]) => ({
                      householdId,
                      attendance,
                    })),
                  },
                })
              }
            >
              Enregistrer les présences
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}

function CancelDialog({ workshop: w, onClose }: { workshop: TWorkshop; onClose: () => void }) {
  const form = useBodyForm<{ reason: string }>({ reason: '' }, ZWorkshopCancel, (v) => ({
    ...v,
    rowVersion: w.rowVersion,
  }));
  const cancel = useRouteMutation(WORKSHOP_ROUTES.cancel, {
    form,
    invalidate: keysOf(w.id),
    successMessage: 'Atelier annulé.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title="Annuler l’atelier"
      form={form}
      mutation={cancel}
      onSubmit={(v) =>
        cancel.mutate({ params: { workshopId: w.id }, body: { ...v, rowVersion: w.rowVersion } })
      }
      onClose={onClose}
      submitLabel="Annuler l’atelier"
      danger
    >
      <TextInput label="Motif" required {...form.getInputProps('reason')} />
    </FormDialog>
  );
}
