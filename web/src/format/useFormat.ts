import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDate, formatDateTime, formatDong, formatNumber, formatPercent, type FormatLanguage } from './format';

/** The formatters in the page's language; re-renders when the user switches language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language: FormatLanguage = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  return useMemo(
    () => ({
      language,
      count: (n: number | null | undefined) => formatCount(n, language),
      number: (n: number | null | undefined, digits?: number, fixed?: boolean) => formatNumber(n, language, digits, fixed),
      percent: (share: number | null | undefined, digits?: number) => formatPercent(share, language, digits),
      date: formatDate,
      dateTime: formatDateTime,
      dong: (amount: number | null | undefined) => formatDong(amount, language),
    }),
    [language],
  );
}
