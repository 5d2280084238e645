import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import type { ComboboxParsedItem } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { peopleApi, peopleKeys } from './peopleApi';

/**
 * Active staff found by name (with or without diacritics) or staff code on the
 * server, for pickers over registers of tens of thousands: `selectProps` go on
 * a Mantine Select or MultiSelect, which then shows what the server found.
 */
export function usePeopleSearch() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const query = { q, status: 'active' as const, sort: 'name' as const, limit: 20, offset: 0 };
  const found = useQuery({
    queryKey: peopleKeys.list(query),
    queryFn: ({ signal }) => peopleApi.list(query, signal),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
  return {
    found: (found.data?.items ?? []).map((p) => ({ id: p.id, label: `${p.fullName} (${p.staffCode})` })),
    selectProps: {
      searchable: true,
      clearable: true,
      searchValue: search,
      onSearchChange: setSearch,
      filter: ({ options }: { options: ComboboxParsedItem[] }) => options,
      nothingFoundMessage: q.length >= 2 ? t('common.none') : t('assessment.typeToSearch'),
    },
  };
}
