import type { ComboboxItem, OptionsFilter } from '@mantine/core';
import { foldForSearch } from '../../../src/platform/text/fold';

/**
 * Lower case without diacritics (đ → d): "chuyen doi so" finds "Chuyển đổi số".
 * The server's folding (one implementation, shared), so the web app filters as the API searches.
 */
export const foldText = foldForSearch;

/** A Select filter that matches with or without diacritics, as users type names on any keyboard. */
export const foldedFilter: OptionsFilter = ({ options, search }) => {
  const query = foldText(search);
  return (options as ComboboxItem[]).filter((option) => foldText(option.label).includes(query));
};
