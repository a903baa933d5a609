import type { ReactNode } from 'react';
import { SimpleGrid, Text } from '@mantine/core';

export interface Fact {
  label: string;
  /** `undefined` = not in the response (the reader may not see it): the fact is not shown at all. */
  value: ReactNode | undefined;
}

/** A definition list of label/value pairs; absent values are skipped, empty ones show a dash. */
export function Facts({ items }: { items: Fact[] }) {
  const shown = items.filter((f) => f.value !== undefined);
  if (shown.length === 0) return null;
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="xs" m={0}>
      {shown.map((f) => (
        <div key={f.label}>
          <Text component="dt" size="sm" c="dimmed">
            {f.label}
          </Text>
          <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap' }}>
            {f.value === null || f.value === '' ? '—' : f.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/** A present value mapped for display, an absent one kept absent. */
export const shown = <T,>(value: T | undefined, render: (v: T) => ReactNode = (v) => v as ReactNode) =>
  value === undefined ? undefined : value === null ? null : render(value);
