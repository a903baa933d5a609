import { Badge } from '@mantine/core';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const TONE_COLORS: Record<Tone, string> = {
  neutral: 'gray',
  info: 'blue',
  success: 'green',
  warning: 'orange',
  danger: 'red',
};

interface StatusBadgeProps<K extends string> {
  value: K;
  /** The French labels of the enum (from src/shared/contracts). */
  labels: Record<K, string>;
  tones?: Partial<Record<K, Tone>>;
}

/** An enum value shown with its French label; the colour only repeats what the text says. */
export function StatusBadge<K extends string>({ value, labels, tones }: StatusBadgeProps<K>) {
  const tone = tones?.[value] ?? 'neutral';
  return (
    <Badge variant="light" color={TONE_COLORS[tone]} radius="sm" tt="none" miw="max-content">
      {labels[value] ?? value}
    </Badge>
  );
}
