import { lazy, Suspense } from 'react';
import { Group, Paper, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconCertificate, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { ComingSoon } from '../../ui/ComingSoon';
import { PageLoader } from '../../ui/PageLoader';

// Certificates and records (training/credentials).
const CertificatesPage = lazy(() => import('./credentials/CertificatesPage'));
const RecordsPage = lazy(() => import('./credentials/RecordsPage'));

export default function TrainingPage() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route path="certificates" element={<CertificatesPage />} />
        <Route path="records" element={<RecordsPage />} />
        <Route
          path="*"
          element={
            <>
              <CredentialsLinks />
              <ComingSoon module="training" />
            </>
          }
        />
      </Routes>
    </Suspense>
  );
}

/** Entries to the certificates and records pages. */
function CredentialsLinks() {
  const { t } = useTranslation();
  const links = [
    { to: 'certificates', icon: IconCertificate, label: t('trainingCredentials.title'), testId: 'training-certificates-link' },
    { to: 'records', icon: IconFileSpreadsheet, label: t('trainingRecords.title'), testId: 'training-records-link' },
  ];
  return (
    <Group mb="md">
      {links.map(({ to, icon: Icon, label, testId }) => (
        <UnstyledButton key={to} component={Link} to={to} data-testid={testId}>
          <Paper withBorder p="sm" radius="md">
            <Group gap="sm">
              <ThemeIcon variant="light"><Icon size={18} /></ThemeIcon>
              <Text fw={500}>{label}</Text>
            </Group>
          </Paper>
        </UnstyledButton>
      ))}
    </Group>
  );
}
