import { IconMapPinQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { StatusPage } from './StatusPage';

export function NotFoundPage() {
  const { t } = useTranslation();
  return <StatusPage testId="page-not-found" icon={<IconMapPinQuestion size={40} />} title={t('pages.notFound.title')} body={t('pages.notFound.body')} />;
}
