import type { ReactNode } from 'react';
import { Stack, Text } from '@mantine/core';
import { formatDateTime } from '@shared/format.ts';

export interface TimelineEvent {
  key: string;
  /** What happened, in words. */
  title: string;
  detail?: ReactNode;
  at: string;
  byName?: string | null;
  byOrganisationName?: string | null;
}

/** What happened to a record, in order: an ordered list, each step with when and by whom. */
export function EventTimeline({ events, label }: { events: TimelineEvent[]; label: string }) {
  if (events.length === 0) return <Text c="dimmed">Aucun événement.</Text>;
  return (
    <Stack component="ol" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={label}>
      {events.map((e) => (
        <li key={e.key} style={{ borderLeft: '3px solid var(--mantine-color-blue-8)', paddingLeft: 12 }}>
          <Text fw={600}>{e.title}</Text>
          {e.detail && <Text size="sm">{e.detail}</Text>}
          <Text size="sm" c="dimmed">
            {formatDateTime(e.at)}
            {e.byName && ` — ${e.byName}`}
            {e.byOrganisationName && ` (${e.byOrganisationName})`}
          </Text>
        </li>
      ))}
    </Stack>
  );
}
