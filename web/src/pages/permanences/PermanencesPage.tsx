import { useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import {
  AGE_BAND_LABELS,
  CONVERSION_LABELS,
  SLOT_STATUS_LABELS,
  WEEKDAY_LABELS,
  type TSlot,
  type TVisit,
  type TWeek,
} from '@shared/contracts/permanences.ts';
import { PERMANENCE_ROUTES } from '@shared/routes/permanences.ts';
import { canDoPermanence } from '@shared/access/permanence-policy.ts';
import { addDays, parisToday } from '@shared/time.ts';
import { formatDate, formatTime } from '@shared/format.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { SLOTS_KEY, WEEK_KEY } from './keys.ts';
import { useSession } from '../../api/session.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { PATHS } from '../../paths.ts';
import { SlotDialog } from './SlotDialog.tsx';
import { VisitDialog } from './VisitDialog.tsx';
import { ConvertDialog } from './ConvertDialog.tsx';

const rhythm = (s: Pick<TSlot, 'everyWeeks'>) =>
  s.everyWeeks === 1 ? 'chaque semaine' : `toutes les ${s.everyWeeks} semaines`;

/** « Mardi, 9 h 00–12 h 00, chaque semaine ». */
export const slotWhen = (s: TSlot) =>
  `${WEEKDAY_LABELS[s.weekday]}, ${s.startTime.replace(':', ' h ')}–${s.endTime.replace(':', ' h ')}, ${rhythm(s)}`;

const period = (s: TSlot) =>
  s.untilDate
    ? `du ${formatDate(s.fromDate)} au ${formatDate(s.untilDate)}`
    : `depuis le ${formatDate(s.fromDate)}`;

const weekdayOf = (day: string) => {
  const d = new Date(`${day}T12:00:00Z`).getUTCDay();
  return WEEKDAY_LABELS[d === 0 ? 7 : d];
};

/**
 * The organisation's drop-in sessions: its recurring slots, a week's occurrences with the walk-ins
 * recorded there, and the one action that turns a visit into a referral or a household file.
 */
export function PermanencesPage() {
  const me = useSession();
  const actor = { userId: me.user.id, roles: me.roles };
  const manages = canDoPermanence(actor, 'manage_slots');
  const slots = useRouteQuery(PERMANENCE_ROUTES.slots, {});
  const [editing, setEditing] = useState<TSlot | 'new' | null>(null);
  const [day, setDay] = useState(parisToday());
  const week = useRouteQuery(PERMANENCE_ROUTES.week, { query: { date: day } });
  const close = useRouteMutation(PERMANENCE_ROUTES.closeSlot, {
    invalidate: [SLOTS_KEY, WEEK_KEY],
    successMessage: 'Permanence fermée.',
  });

  return (
    <>
      <PageHeader
        title="Permanences"
        description="Les permanences de votre organisation et les personnes reçues sans dossier : données minimales, accord demandé, conseils donnés et démarches que la personne garde à sa charge."
        actions={manages && <Button onClick={() => setEditing('new')}>Ouvrir une permanence</Button>}
      />
      {editing && (
        <SlotDialog slot={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      <Stack gap="lg">
        <Section title="Créneaux">
          <QueryState query={slots} loadingLabel="Chargement des permanences…">
            {({ items }) => (
              <DataTable
                caption="Créneaux de permanence"
                rows={items}
                rowKey={(s) => s.id}
                emptyTitle="Aucune permanence"
                emptyDescription="Votre organisation n’a ouvert aucune permanence."
                columns={[
                  { key: 'place', header: 'Lieu', render: (s) => s.place },
                  { key: 'when', header: 'Jour et heures', render: slotWhen },
                  { key: 'period', header: 'Période', render: period, hideOnSmall: true },
                  {
                    key: 'staff',
                    header: 'Intervenants',
                    render: (s) => s.staff.map((p) => p.name).join(', '),
                  },
                  { key: 'status', header: 'Statut', render: (s) => SLOT_STATUS_LABELS[s.status] },
                  ...(manages
                    ? [
                        {
                          key: 'actions',
                          header: 'Actions',
                          render: (s: TSlot) =>
                            s.status === 'open' && (
                              <Group gap="xs" wrap="nowrap">
                                <Button size="xs" variant="light" onClick={() => setEditing(s)}>
                                  Modifier
                                </Button>
                                <ConfirmButton
                                  size="xs"
                                  variant="light"
                                  color="red"
                                  danger
                                  title={`Fermer la permanence « ${s.place} » ?`}
                                  message="Elle ne se tiendra plus après aujourd’hui ; ses passages restent enregistrés."
                                  confirmLabel="Fermer la permanence"
                                  onConfirm={() =>
                                    close.mutateAsync({
                                      params: { slotId: s.id },
                                      body: { rowVersion: s.rowVersion },
                                    })
                                  }
                                >
                                  Fermer
                                </ConfirmButton>
                              </Group>
                            ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </QueryState>
        </Section>
        <Section
          title={`Semaine du ${formatDate(week.data?.monday ?? day)}`}
          action={
            <Group gap="xs">
              <Button variant="default" size="xs" onClick={() => setDay(addDays(day, -7))}>
                Semaine précédente
              </Button>
              <Button variant="default" size="xs" onClick={() => setDay(parisToday())}>
                Cette semaine
              </Button>
              <Button variant="default" size="xs" onClick={() => setDay(addDays(day, 7))}>
                Semaine suivante
              </Button>
            </Group>
          }
        >
          <QueryState query={week} loadingLabel="Chargement de la semaine…">
            {(data) => <WeekOccurrences week={data} />}
          </QueryState>
        </Section>
      </Stack>
    </>
  );
}

function WeekOccurrences({ week }: { week: TWeek }) {
  const me = useSession();
  const slots = useRouteQuery(PERMANENCE_ROUTES.slots, {});
  const [recording, setRecording] = useState<{ slot: TSlot; date: string; visit?: TVisit } | null>(null);
  const [converting, setConverting] = useState<TVisit | null>(null);
  if (week.occurrences.length === 0) return <Text c="dimmed">Aucune permanence cette semaine.</Text>;
  const slotOf = (id: string) => slots.data?.items.find((s) => s.id === id);
  return (
    <Stack gap="md">
      {recording && (
        <VisitDialog
          slot={recording.slot}
          date={recording.date}
          visit={recording.visit}
          onClose={() => setRecording(null)}
        />
      )}
      {converting && <ConvertDialog visit={converting} onClose={() => setConverting(null)} />}
      {week.occurrences.map((o) => {
        const slot = slotOf(o.slotId);
        // The slot's staff (or a team leader) record and correct its visits.
        const staffs =
          slot !== undefined &&
          canDoPermanence({ userId: me.user.id, roles: me.roles }, 'record_visit', {
            staffUserIds: slot.staff.map((s) => s.id),
          });
        const records = staffs && o.begun;
        const heading = `${weekdayOf(o.date)} ${formatDate(o.date)}, ${formatTime(o.startsAt)}–${formatTime(o.endsAt)} — ${o.place}`;
        return (
          <Stack
            key={`${o.slotId}-${o.date}`}
            gap="xs"
            component="section"
            aria-labelledby={`occurrence-${o.slotId}-${o.date}`}
          >
            <Group justify="space-between" wrap="wrap">
              <div>
                <Title order={3} size="h5" id={`occurrence-${o.slotId}-${o.date}`}>
                  {heading}
                </Title>
                <Text size="sm" c="dimmed">
                  {o.staff.map((s) => s.name).join(', ') || 'Aucun intervenant'}
                </Text>
              </div>
              {records && slot && (
                <Button size="sm" onClick={() => setRecording({ slot, date: o.date })}>
                  Noter un passage
                </Button>
              )}
              {!o.begun && (
                <Text size="sm" c="dimmed">
                  Pas encore commencée
                </Text>
              )}
            </Group>
            <DataTable
              caption={`Passages — ${heading}`}
              rows={o.visits}
              rowKey={(v) => v.id}
              emptyTitle="Aucun passage"
              emptyDescription="Personne n’a encore été reçu à cette permanence."
              columns={[
                { key: 'time', header: 'Heure', render: (v) => formatTime(v.occurredAt) },
                {
                  key: 'person',
                  header: 'Personne',
                  render: (v) =>
                    v.consent === 'given' ? v.firstName : <Badge color="gray">Passage anonyme</Badge>,
                },
                {
                  key: 'age',
                  header: 'Âge',
                  render: (v) => (v.ageBand ? AGE_BAND_LABELS[v.ageBand] : '—'),
                  hideOnSmall: true,
                },
                { key: 'commune', header: 'Commune', render: (v) => v.commune || '—', hideOnSmall: true },
                {
                  key: 'topics',
                  header: 'Sujets',
                  render: (v) => v.briques.map((b) => b.label).join(' ; ') || '—',
                },
                {
                  key: 'next',
                  header: 'Suite',
                  render: (v) =>
                    v.conversion ? (
                      v.conversion.householdId ? (
                        <Anchor component={Link} to={PATHS.household(v.conversion.householdId)}>
                          {`${CONVERSION_LABELS[v.conversion.to]} le ${formatDate(v.conversion.at)}`}
                        </Anchor>
                      ) : (
                        `${CONVERSION_LABELS[v.conversion.to]} le ${formatDate(v.conversion.at)}`
                      )
                    ) : (
                      <Group gap="xs" wrap="nowrap">
                        {staffs && slot && (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => setRecording({ slot, date: o.date, visit: v })}
                          >
                            Modifier
                          </Button>
                        )}
                        {v.consent === 'given' && (
                          <Button size="xs" variant="light" onClick={() => setConverting(v)}>
                            Transformer
                          </Button>
                        )}
                      </Group>
                    ),
                },
              ]}
            />
          </Stack>
        );
      })}
    </Stack>
  );
}
