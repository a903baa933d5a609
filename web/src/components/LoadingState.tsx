import { Center, Group, Loader, Text } from '@mantine/core';

/** A polite live region, so screen readers hear that something is loading. */
export function LoadingState({ label = 'Chargement…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text>{label}</Text>
      </Group>
    </Center>
  );
}
