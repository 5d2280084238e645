import type { ComboboxItem, OptionsFilter } from '@mantine/core';

/** Lower case without diacritics (đ → d): "chuyen doi so" finds "Chuyển đổi số". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();
}

/** A Select filter that matches with or without diacritics, as users type names on any keyboard. */
export const foldedFilter: OptionsFilter = ({ options, search }) => {
  const query = foldText(search);
  return (options as ComboboxItem[]).filter((option) => foldText(option.label).includes(query));
};
