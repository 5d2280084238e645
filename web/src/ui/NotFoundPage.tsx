import { Button } from '@mantine/core';
import { IconArrowBackUp, IconMapPinQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { activeNavItem } from '../app/navigation';
import { StatusPage } from './StatusPage';

interface NotFoundPageProps {
  /** 'record': the address is a page of the app, but what it names (a cycle, a person) is not there for this user. */
  what?: 'page' | 'record';
}

/**
 * Unknown addresses and unknown ids, in every module: a page that says so, with the way back to the module's
 * first page (when the address is inside a module) and to the overview.
 */
export function NotFoundPage({ what = 'page' }: NotFoundPageProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const module = activeNavItem(pathname);
  const back =
    module && module.path !== '/' && pathname.replace(/\/$/, '') !== module.path ? (
      <Button component={Link} to={module.path} variant="default" leftSection={<IconArrowBackUp size={16} />} data-testid="not-found-module">
        {t('pages.notFound.backTo', { page: t(`nav.${module.key}`) })}
      </Button>
    ) : undefined;
  return (
    <StatusPage
      testId="page-not-found"
      icon={<IconMapPinQuestion size={40} />}
      title={t(what === 'record' ? 'pages.notFound.recordTitle' : 'pages.notFound.title')}
      body={t(what === 'record' ? 'pages.notFound.recordBody' : 'pages.notFound.body')}
      actions={back}
    />
  );
}
