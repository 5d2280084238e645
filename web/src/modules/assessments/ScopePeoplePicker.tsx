import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { MultiSelect } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { peopleApi } from '../people/peopleApi';
import { assessmentKeys } from './assessmentApi';

/**
 * Named people for an ad hoc cycle, found by name (with or without diacritics)
 * or staff code on the server: a scope may hold tens of thousands of staff.
 */
export function ScopePeoplePicker({
  value,
  onChange,
  label,
  description,
  testId = 'cycle-scope-people',
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  /** Another form's wording (the accounts' bulk creation picks people the same way). */
  label?: string;
  description?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  // Labels of people already chosen, kept when they drop out of the current search.
  const [chosen, setChosen] = useState(new Map<string, string>());
  const found = useQuery({
    queryKey: assessmentKeys.scopePeople(q),
    queryFn: ({ signal }) => peopleApi.list({ q, status: 'active', sort: 'name', limit: 20, offset: 0 }, signal),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
  const options = new Map(chosen);
  for (const p of found.data?.items ?? []) options.set(p.id, `${p.fullName} (${p.staffCode})`);

  return (
    <MultiSelect
      label={label ?? t('assessment.scopePeople')}
      description={description ?? t('assessment.scopePeopleHelp')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched the search; show what it found.
      filter={({ options: all }) => all}
      value={value}
      onChange={(ids) => {
        setChosen(new Map(ids.map((id) => [id, options.get(id) ?? id])));
        onChange(ids);
      }}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      nothingFoundMessage={q.length >= 2 ? t('common.none') : t('assessment.typeToSearch')}
      data-testid={testId}
    />
  );
}
