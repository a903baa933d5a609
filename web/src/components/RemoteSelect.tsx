import { useState, type ReactNode } from 'react';
import { Select, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import type { z } from 'zod';
import type { QueryIn, RouteContract } from '@shared/routes/define.ts';
import { useRouteQuery, type Target } from '../api/routes.ts';

/** A list route answering `{ items: [...] }`, searched through its query. */
export interface ListRoute extends RouteContract {
  method: 'GET';
  query: z.ZodType;
  response: z.ZodType<{ items: unknown[] }>;
}

/** One item of a list route's answer. */
export type ItemOf<C extends ListRoute> = z.output<C['response']>['items'][number];

export interface RemoteSelectProps<C extends ListRoute> extends Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'
> {
  route: C;
  /** The query for what the user typed (already trimmed, '' before typing). */
  queryOf: (search: string) => QueryIn<C>;
  optionOf: (item: ItemOf<C>) => ComboboxItem;
  /** `form.getInputProps` types it as optional; absent means nothing chosen. */
  value?: string | null;
  onChange: (value: string | null, item: ItemOf<C> | null) => void;
  /** The current value's option when it is not among the results (e.g. loaded with the record). */
  currentOption?: ComboboxItem | null;
  /** Shown when the server finds nothing for `search`. */
  emptyMessage: (search: string) => ReactNode;
}

/**
 * A searchable select whose options come from the server as the user types (debounced), for lists
 * too long to load at once. The chosen option stays listed so its label remains shown.
 */
export function RemoteSelect<C extends ListRoute>({
  route,
  queryOf,
  optionOf,
  value = null,
  onChange,
  currentOption,
  emptyMessage,
  ...selectProps
}: RemoteSelectProps<C>) {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<ComboboxItem | null>(null);
  const selected =
    (picked?.value === value ? picked : null) ?? (currentOption?.value === value ? currentOption : null);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // Once an option is chosen the input shows its label: that is not a search.
  const term = selected && debounced === selected.label ? '' : debounced;
  // A generic route's target type cannot be resolved here; the route's own query type checks queryOf.
  const results = useRouteQuery(route, { query: queryOf(term) } as Target<C>, {
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const items: ItemOf<C>[] = (results.data as z.output<C['response']> | undefined)?.items ?? [];
  const options = items.map(optionOf);
  const data =
    selected && !options.some((o) => o.value === selected.value) ? [selected, ...options] : options;

  return (
    <Select
      {...selectProps}
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered (on name, code, postcode…): the labels need not contain the
      // search. While the user types, the chosen option is listed only if the server found it.
      filter={({ options: all }) =>
        selected && search.trim() !== selected.label
          ? all.filter((o) => 'value' in o && options.some((r) => r.value === o.value))
          : all
      }
      nothingFoundMessage={results.isFetching ? 'Recherche…' : emptyMessage(term)}
      onChange={(next) => {
        const item = items.find((i) => optionOf(i).value === next) ?? null;
        setPicked(data.find((o) => o.value === next) ?? null);
        onChange(next, item);
      }}
    />
  );
}
