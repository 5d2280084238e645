import { useState } from 'react';
import { formatCount } from '../../../format/format';
import { Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../auth/CurrentUser';
import { PageHeader } from '../../../ui/PageHeader';
import { PageLoader } from '../../../ui/PageLoader';
import { QueryError } from '../../../ui/QueryError';
import { credentialsApi, credentialsKeys, type AnnualReport } from './credentialsApi';

// The report's line keys: the course formats and role categories the server groups by (and 'none').
type CourseFormat = 'online' | 'classroom' | 'blended' | 'simulation' | 'on_the_job' | 'job_rotation';
type RoleCategory = 'leader' | 'manager' | 'professional' | 'support' | 'none';

/** The caller's own learning history, and for HR and national administrators their agency's yearly report. */
export default function RecordsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const reports = user.role === 'hr_officer' || user.role === 'national_admin';
  return (
    <>
      <PageHeader title={t('trainingRecords.title')} subtitle={t('trainingRecords.subtitle')} />
      <Stack gap="lg">
        {user.personId && (
          <Paper withBorder p="md">
            <Title order={4} mb="xs">
              {t('trainingRecords.historyTitle')}
            </Title>
            <Text c="dimmed" size="sm" mb="sm">
              {t('trainingRecords.historyBody')}
            </Text>
            <Downloads pdf={credentialsApi.historyUrl(user.personId, 'pdf')} xlsx={credentialsApi.historyUrl(user.personId, 'xlsx')} testId="history" />
          </Paper>
        )}
        {reports && <AgencyReport agencyId={user.agency.id} agencyName={user.agency.name} />}
      </Stack>
    </>
  );
}

function Downloads({ pdf, xlsx, testId }: { pdf: string; xlsx: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm">
      <Button component="a" href={pdf} target="_blank" rel="noopener" variant="light" leftSection={<IconFileTypePdf size={16} />} data-testid={`${testId}-pdf`}>
        {t('trainingRecords.pdf')}
      </Button>
      <Button component="a" href={xlsx} download variant="default" leftSection={<IconFileSpreadsheet size={16} />} data-testid={`${testId}-xlsx`}>
        {t('trainingRecords.xlsx')}
      </Button>
    </Group>
  );
}

function AgencyReport({ agencyId, agencyName }: { agencyId: string; agencyName: string }) {
  const { t, i18n } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const report = useQuery({ queryKey: credentialsKeys.report(agencyId, year), queryFn: ({ signal }) => credentialsApi.report(agencyId, year, signal) });
  const money = (n: number) => formatCount(n, i18n.language === 'en' ? 'en' : 'vi');
  const section = (title: string, lines: AnnualReport['byFormat'], label: (key: string) => string) => (
    <>
      <Table.Tr>
        <Table.Td colSpan={6}>
          <Text fw={600} size="sm">
            {title}
          </Text>
        </Table.Td>
      </Table.Tr>
      {lines.map((l) => (
        <Table.Tr key={`${title}-${l.key}`}>
          <Table.Td pl="lg">{label(l.key)}</Table.Td>
          <Table.Td ta="right">{l.people}</Table.Td>
          <Table.Td ta="right">{l.participations}</Table.Td>
          <Table.Td ta="right">{l.completions}</Table.Td>
          <Table.Td ta="right">{l.hours}</Table.Td>
          <Table.Td ta="right">{money(l.cost)}</Table.Td>
        </Table.Tr>
      ))}
    </>
  );
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('trainingRecords.reportTitle', { agency: agencyName })}
      </Title>
      <Group align="flex-end" mb="md">
        <NumberInput
          label={t('trainingRecords.year')}
          value={year}
          onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && setYear(v)}
          min={2000}
          max={2100}
          w={120}
        />
        <Downloads pdf={credentialsApi.reportUrl(agencyId, year, 'pdf')} xlsx={credentialsApi.reportUrl(agencyId, year, 'xlsx')} testId="report" />
      </Group>
      {report.isLoading ? (
        <PageLoader />
      ) : report.error ? (
        <QueryError error={report.error} onRetry={report.refetch} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="report-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th ta="right">{t('trainingRecords.people')}</Table.Th>
                <Table.Th ta="right">{t('trainingRecords.participations')}</Table.Th>
                <Table.Th ta="right">{t('trainingRecords.completions')}</Table.Th>
                <Table.Th ta="right">{t('trainingRecords.hours')}</Table.Th>
                <Table.Th ta="right">{t('trainingRecords.cost')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {section(t('trainingRecords.byFormat'), report.data!.byFormat, (k) => t(`trainingRecords.formats.${k as CourseFormat}`))}
              {section(t('trainingRecords.byGroup'), report.data!.byGroup, (k) => `${k} ${report.data!.byGroup.find((g) => g.key === k)?.name ?? ''}`)}
              {section(t('trainingRecords.byRole'), report.data!.byRoleCategory, (k) => t(`trainingRecords.roleCategories.${k as RoleCategory}`))}
              <Table.Tr>
                <Table.Td fw={700}>{t('trainingRecords.total')}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {report.data!.total.people}
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {report.data!.total.participations}
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {report.data!.total.completions}
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {report.data!.total.hours}
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {money(report.data!.total.cost)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
