import { useState, type ReactNode } from 'react';
import { Select, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import type { QueryValue } from '../api/client.ts';
import { useApiQuery } from '../api/hooks.ts';

export interface RemoteSelectProps<T> extends Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'
> {
  /** A list endpoint answering `{ items: T[] }`. */
  path: string;
  /** The query for what the user typed (already trimmed, '' before typing). */
  queryOf: (search: string) => Record<string, QueryValue>;
  optionOf: (item: T) => ComboboxItem;
  /** `form.getInputProps` types it as optional; absent means nothing chosen. */
  value?: string | null;
  onChange: (value: string | null, item: T | null) => void;
  /** The current value's option when it is not among the results (e.g. loaded with the record). */
  currentOption?: ComboboxItem | null;
  /** Shown when the server finds nothing for `search`. */
  emptyMessage: (search: string) => ReactNode;
}

/**
 * A searchable select whose options come from the server as the user types (debounced), for lists
 * too long to load at once. The chosen option stays listed so its label remains shown.
 */
export function RemoteSelect<T>({
  path,
  queryOf,
  optionOf,
  value = null,
  onChange,
  currentOption,
  emptyMessage,
  ...selectProps
}: RemoteSelectProps<T>) {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<ComboboxItem | null>(null);
  const selected =
    (picked?.value === value ? picked : null) ?? (currentOption?.value === value ? currentOption : null);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // Once an option is chosen the input shows its label: that is not a search.
  const term = selected && debounced === selected.label ? '' : debounced;
  const results = useApiQuery<{ items: T[] }>(path, queryOf(term), {
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const items = results.data?.items ?? [];
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
