import type { ReactNode } from 'react';
import { Group, Pagination, Table, Text, VisuallyHidden } from '@mantine/core';
import { EmptyState } from './EmptyState.tsx';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  /** Hidden below 62em (tablet portrait and phones) to keep the table readable without scrolling. */
  hideOnSmall?: boolean;
  width?: number | string;
}

export interface Paging {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}

interface DataTableProps<T> {
  /** Says what the table lists; read first by screen readers. */
  caption: string;
  /** Show the caption (default: only to screen readers, the page heading usually says it). */
  showCaption?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  paging?: Paging;
  emptyTitle?: string;
  emptyDescription?: ReactNode;
}

export function DataTable<T>({
  caption,
  showCaption = false,
  columns,
  rows,
  rowKey,
  paging,
  emptyTitle = 'Aucun élément',
  emptyDescription,
}: DataTableProps<T>) {
  if (rows.length === 0 && (!paging || paging.total === 0)) {
    return <EmptyState title={emptyTitle} description={emptyDescription} />;
  }
  return (
    <>
      {/* A table wider than the screen scrolls: keyboard users reach its viewport to scroll it too. */}
      <Table.ScrollContainer minWidth={560} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Caption>{showCaption ? caption : <VisuallyHidden>{caption}</VisuallyHidden>}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} scope="col" w={c.width} visibleFrom={c.hideOnSmall ? 'md' : undefined}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((c) => (
                  <Table.Td key={c.key} visibleFrom={c.hideOnSmall ? 'md' : undefined}>
                    {c.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {paging && <PagingBar paging={paging} label={caption} />}
    </>
  );
}

const CONTROL_LABELS = {
  first: 'Première page',
  previous: 'Page précédente',
  next: 'Page suivante',
  last: 'Dernière page',
} as const;

/** The count of results and the page links under a paged list (`label`: what the list shows). */
export function PagingBar({ paging, label }: { paging: Paging; label: string }) {
  const pageCount = Math.max(1, Math.ceil(paging.total / paging.pageSize));
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {paging.total} résultat{paging.total > 1 ? 's' : ''} — page {paging.page} sur {pageCount}
      </Text>
      {pageCount > 1 && (
        <nav aria-label={`Pagination : ${label}`}>
          <Pagination
            total={pageCount}
            value={paging.page}
            onChange={paging.onPageChange}
            getItemProps={(page) => ({
              'aria-label': `Page ${page}`,
              'aria-current': page === paging.page ? 'page' : undefined,
            })}
            getControlProps={(control) => ({ 'aria-label': CONTROL_LABELS[control] })}
          />
        </nav>
      )}
    </Group>
  );
}
