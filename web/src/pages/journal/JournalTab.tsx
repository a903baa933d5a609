import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { canWriteJournal } from '@shared/access/journal-policy.ts';
import type { THouseholdDetail } from '@shared/contracts/households.ts';
import {
  JOURNAL_KIND_LABELS,
  JOURNAL_STATUS_LABELS,
  TIMELINE_KIND_LABELS,
  type TimelineKind,
  type TJournalOptions,
  type TTimelineItem,
} from '@shared/contracts/journal.ts';
import { MEASURE_ROUTES } from '@shared/routes/measures.ts';
import { JOURNAL_ROUTES } from '@shared/routes/journal.ts';
import { REFERENTIEL_ROUTES } from '@shared/routes/referentiel.ts';
import { formatDateTime } from '@shared/format.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { BriquesMultiSelect } from '../../components/BriquesMultiSelect.tsx';
import { PagingBar } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { EventTimeline } from '../../components/EventTimeline.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import {
  CancelEntryDialog,
  CorrectEntryDialog,
  EntryHistoryDialog,
  KeepActivityDialog,
} from './EntryDialogs.tsx';
import { DialogButton } from '../../components/FormDialog.tsx';
import { discardActivity, keepActivity, PENDING_STATE_LABELS, type PendingEntry } from './journal-outbox.ts';
import { useOutboxSender, usePendingEntries } from './use-journal-outbox.ts';

const PAGE_SIZE = 20;

interface Filters {
  kinds: TimelineKind[];
  from: string | null;
  to: string | null;
  brique: string | null;
  measureId: string | null;
  organisationId: string | null;
}
const NO_FILTER: Filters = {
  kinds: [],
  from: null,
  to: null,
  brique: null,
  measureId: null,
  organisationId: null,
};

/**
 * A timeline item in words: a journal entry says its state, its participants and its note, and
 * offers its author's organisation to correct or cancel it.
 */
function itemDetail(item: TTimelineItem, options: TJournalOptions | undefined) {
  const entry = item.entry;
  if (!entry) return item.detail;
  return (
    <>
      {item.detail}
      {entry.status === 'cancelled' && (
        <Badge ml="xs" color="gray" variant="outline">
          {JOURNAL_STATUS_LABELS.cancelled}
        </Badge>
      )}
      {entry.note && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {entry.note}
        </Text>
      )}
      <Group gap="xs" mt={4}>
        <DialogButton
          label="Historique"
          variant="light"
          dialog={(close) => <EntryHistoryDialog entry={entry} onClose={close} />}
        />
        {entry.canCorrect && entry.status === 'recorded' && options && (
          <>
            <DialogButton
              label="Corriger"
              variant="light"
              dialog={(close) => <CorrectEntryDialog entry={entry} options={options} onClose={close} />}
            />
            <DialogButton
              label="Annuler l’activité"
              variant="light"
              dialog={(close) => <CancelEntryDialog entry={entry} onClose={close} />}
            />
          </>
        )}
      </Group>
    </>
  );
}

/** The household file's « Journal » tab: the timeline with its filters, what waits on the device, a new activity. */
export function JournalTab({ file }: { file: THouseholdDetail }) {
  const me = useSession();
  const writer = canWriteJournal(file.accessLevel);
  const [filters, setFilters] = useState<Filters>(NO_FILTER);
  const [page, setPage] = useState(1);
  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage(1);
  };
  const timeline = useRouteQuery(
    JOURNAL_ROUTES.timeline,
    {
      params: { id: file.id },
      query: {
        page,
        pageSize: PAGE_SIZE,
        ...(filters.kinds.length ? { kinds: filters.kinds.join(',') } : {}),
        ...(filters.from ? { from: filters.from } : {}),
        ...(filters.to ? { to: filters.to } : {}),
        ...(filters.brique ? { brique: filters.brique } : {}),
        ...(filters.measureId ? { measureId: filters.measureId } : {}),
        ...(filters.organisationId ? { organisationId: filters.organisationId } : {}),
      },
    },
    { placeholderData: keepPreviousData },
  );
  const measures = useRouteQuery(MEASURE_ROUTES.list, { params: { id: file.id } });
  // Read while the file is open, so that the form works without a connection afterwards.
  const options = useRouteQuery(
    JOURNAL_ROUTES.options,
    { params: { id: file.id } },
    { staleTime: Infinity, enabled: writer },
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Journal d’accompagnement</Title>
      </Group>
      {writer && <Writer file={file} userId={me.user.id} options={options.data} />}
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          Filtrer
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <MultiSelect
            label="Types"
            data={Object.entries(TIMELINE_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            value={filters.kinds}
            onChange={(v) => setFilter('kinds', v as TimelineKind[])}
            clearable
          />
          <DateField label="Du" value={filters.from} onChange={(v) => setFilter('from', v)} clearable />
          <DateField label="Au" value={filters.to} onChange={(v) => setFilter('to', v)} clearable />
          <BriquesMultiSelect
            label="Brique"
            maxValues={1}
            value={filters.brique ? [filters.brique] : []}
            onChange={(v) => setFilter('brique', v[0] ?? null)}
          />
          <Select
            label="Mesure"
            clearable
            placeholder="Toutes"
            data={(measures.data?.items ?? []).map((m) => ({ value: m.id, label: m.schemeName }))}
            value={filters.measureId}
            onChange={(v) => setFilter('measureId', v)}
          />
          <Select
            label="Organisation"
            clearable
            placeholder="Toutes"
            data={(timeline.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={filters.organisationId}
            onChange={(v) => setFilter('organisationId', v)}
          />
        </SimpleGrid>
      </Paper>
      <QueryState query={timeline} loadingLabel="Chargement du journal…">
        {(t) => (
          <>
            <EventTimeline
              label="Journal et historique du dossier"
              events={t.items.map((item) => ({ ...item, detail: itemDetail(item, options.data) }))}
            />
            <PagingBar
              label="journal du dossier"
              paging={{ page: t.page, pageSize: t.pageSize, total: t.total, onPageChange: setPage }}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/**
 * The writer's part: « Nouvelle activité », and the activities still on this device with their
 * state — a refused one shown with the server's reason, to correct or discard, never merged.
 */
function Writer({
  file,
  userId,
  options,
}: {
  file: THouseholdDetail;
  userId: string;
  options: TJournalOptions | undefined;
}) {
  const send = useOutboxSender(userId);
  const pending = usePendingEntries(userId, file.id);
  useRouteQuery(REFERENTIEL_ROUTES.list, {}, { staleTime: 60 * 60_000 });
  const [editing, setEditing] = useState<PendingEntry | 'new' | null>(null);
  const keep = async (body: Parameters<typeof keepActivity>[2]) => {
    if (editing && editing !== 'new') await discardActivity(editing.key);
    await keepActivity(userId, file.id, body);
    void send();
  };
  return (
    <>
      <Group>
        <Button onClick={() => setEditing('new')} disabled={!options}>
          Nouvelle activité
        </Button>
      </Group>
      {pending.length > 0 && (
        <Paper component="section" withBorder p="md" aria-labelledby="journal-en-attente">
          <Title order={3} size="h4" id="journal-en-attente" mb="sm">
            En attente d’envoi
          </Title>
          <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {pending.map((entry) => (
              <li key={entry.key}>
                <Group justify="space-between" wrap="wrap">
                  <div>
                    <Text fw={600}>
                      {JOURNAL_KIND_LABELS[entry.body.kind]} — {formatDateTime(entry.body.occurredAt)}
                    </Text>
                    <Badge color={entry.state === 'refused' ? 'red' : 'yellow'} variant="light">
                      {PENDING_STATE_LABELS[entry.state]}
                    </Badge>
                  </div>
                  {entry.state === 'refused' && (
                    <Group gap="xs">
                      <Button size="xs" variant="light" onClick={() => setEditing(entry)}>
                        Corriger
                      </Button>
                      <Button size="xs" variant="default" onClick={() => void discardActivity(entry.key)}>
                        Abandonner
                      </Button>
                    </Group>
                  )}
                </Group>
                {entry.message && (
                  <Alert color="red" mt="xs">
                    {entry.message}
                    {Object.values(entry.fields).map((m) => (
                      <Text key={m} size="sm">
                        {m}
                      </Text>
                    ))}
                  </Alert>
                )}
              </li>
            ))}
          </Stack>
        </Paper>
      )}
      {editing && options && (
        <KeepActivityDialog
          options={options}
          {...(editing !== 'new' ? { pending: editing } : {})}
          onKeep={keep}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
