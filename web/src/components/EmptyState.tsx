import type { ReactNode } from 'react';
import { EmptyState as MantineEmptyState } from '@mantine/core';

interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  /** A button or link to create the first item. */
  action?: ReactNode;
}

export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <MantineEmptyState py="xl" title={title} description={description}>
      {action && <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions>}
    </MantineEmptyState>
  );
}
