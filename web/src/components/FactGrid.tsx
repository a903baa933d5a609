import { SimpleGrid, Stack, Text } from '@mantine/core';

/** Labelled facts in a grid (one column on a phone, three on a desktop): what a record is, read at a glance. */
export function FactGrid({ facts }: { facts: readonly (readonly [label: string, value: string])[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
      {facts.map(([label, value]) => (
        <Stack gap={0} key={label}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm">{value}</Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
