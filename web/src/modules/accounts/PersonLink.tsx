import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Select } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { peopleApi, peopleKeys } from '../people/peopleApi';

/** The staff record an account signs in as, found by name (with or without diacritics) or staff code on the server. */
export function PersonLink({
  value,
  initialLabel,
  onChange,
  error,
}: {
  value: string | null;
  initialLabel: string | null;
  onChange: (id: string | null) => void;
  error?: string;
}) {
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
  const options = new Map<string, string>(value && initialLabel ? [[value, initialLabel]] : []);
  for (const p of found.data?.items ?? []) options.set(p.id, `${p.fullName} (${p.staffCode})`);
  return (
    <Select
      label={t('accountBulk.linkPerson')}
      description={t('accountBulk.linkPersonHint')}
      placeholder={t('accountBulk.noPerson')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      value={value}
      onChange={onChange}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      nothingFoundMessage={q.length >= 2 ? t('common.none') : t('assessment.typeToSearch')}
      error={error}
      data-testid="account-person"
    />
  );
}
