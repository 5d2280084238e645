import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePeopleSearch } from '../people/usePeopleSearch';

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
  const { found, selectProps } = usePeopleSearch();
  const options = new Map<string, string>(value && initialLabel ? [[value, initialLabel]] : []);
  for (const p of found) options.set(p.id, p.label);
  return (
    <Select
      {...selectProps}
      label={t('accountBulk.linkPerson')}
      description={t('accountBulk.linkPersonHint')}
      placeholder={t('accountBulk.noPerson')}
      value={value}
      onChange={onChange}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      error={error}
      data-testid="account-person"
    />
  );
}
