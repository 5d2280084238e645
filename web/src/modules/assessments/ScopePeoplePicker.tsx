import { useState } from 'react';
import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePeopleSearch } from '../people/usePeopleSearch';

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
  const { found, selectProps } = usePeopleSearch();
  // Labels of people already chosen, kept when they drop out of the current search.
  const [chosen, setChosen] = useState(new Map<string, string>());
  const options = new Map(chosen);
  for (const p of found) options.set(p.id, p.label);

  return (
    <MultiSelect
      label={label ?? t('assessment.scopePeople')}
      description={description ?? t('assessment.scopePeopleHelp')}
      // The server already matched the search; show what it found.
      {...selectProps}
      value={value}
      onChange={(ids) => {
        setChosen(new Map(ids.map((id) => [id, options.get(id) ?? id])));
        onChange(ids);
      }}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      data-testid={testId}
    />
  );
}
