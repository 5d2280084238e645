import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { StatusPage } from './StatusPage';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <StatusPage testId="page-forbidden" color="orange" icon={<IconLock size={40} />} title={t('pages.forbidden.title')} body={t('pages.forbidden.body')} />
  );
}
