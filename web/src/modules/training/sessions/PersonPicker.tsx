import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { sessionsApi, sessionsKeys } from './sessionsApi';

/** Finds a person of the HR officer's scope by name or staff code (the server searches without diacritics). */
export function PersonPicker({
  label,
  onPick,
  testId,
}: {
  label: string;
  onPick: (person: { id: string; fullName: string; staffCode: string }) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({ queryKey: sessionsKeys.candidates(q), queryFn: ({ signal }) => sessionsApi.candidates(q, signal), enabled: q.length >= 2 });
  const items = found.data?.items ?? [];
  return (
    <Select
      label={label}
      placeholder={t('trainingSessions.personSearch')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={items.map((p) => ({ value: p.id, label: `${p.fullName} · ${p.staffCode} · ${p.agencyName}` }))}
      value={null}
      onChange={(id) => {
        const person = items.find((p) => p.id === id);
        if (person) {
          onPick(person);
          setSearch('');
        }
      }}
      nothingFoundMessage={q.length >= 2 ? t('common.none') : undefined}
      data-testid={testId}
    />
  );
}
