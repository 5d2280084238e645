import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Leaves, LooseT } from '../../i18n/moduleTexts';
import { useFormat } from '../../format/useFormat';
import type { overviewMessages } from './overview.i18n';

export type OverviewKey = Leaves<(typeof overviewMessages)['vi']>;

/** `to(key)` for the overview's texts, and the formats it uses (dd/mm/yyyy, "." for thousands) from the shared module. */
export function useOverviewText() {
  const { t, i18n } = useTranslation();
  const to = useCallback((key: OverviewKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`overviewTodo.${key}`, options), [t]);
  const { date, count: number } = useFormat();
  /** An item's line; a key this version of the web app does not know yet still shows, with its count. */
  const itemText = (key: string, count: number) => {
    const full = `overviewTodo.items.${key}`;
    return i18n.exists(full) ? (t as unknown as LooseT)(full, { count: number(count) }) : to('other', { count: number(count), key });
  };
  return { to, date, number, itemText };
}
