import { Pagination, type PaginationProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine's Pagination with names for its arrow buttons and its page buttons (axe: button-name, critical). */
export function LabelledPagination(props: PaginationProps) {
  const { t } = useTranslation();
  return (
    <Pagination
      getControlProps={(control) => ({ 'aria-label': t(`a11y.pagination.${control}`) })}
      getItemProps={(page) => ({ 'aria-label': t('a11y.pagination.page', { page }) })}
      {...props}
    />
  );
}
