import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Anchor, Button, FileInput, Group, Progress, Select, SimpleGrid, Stack, Stepper, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { todayIso } from '../../ui/dates';
import { currentLanguage } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { formatDate } from '../../format/format';
import { ImportChanges } from './ImportChanges';
import { BUSY_PHASES, peopleApi, peopleKeys, type ImportJob, type ImportMapping } from './peopleApi';

/**
 * Upload → map columns and check every row → import all or nothing. The server
 * works in the background; this page polls the job for the progress bar.
 */
export function StaffImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [startDate, setStartDate] = useState(() => todayIso());

  const job = useQuery({
    queryKey: peopleKeys.importJob(jobId),
    queryFn: ({ signal }) => peopleApi.job(jobId!, signal),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && BUSY_PHASES.includes(query.state.data.phase) ? 500 : false),
  });
  const upload = useMutation({ mutationFn: () => peopleApi.upload(file!), onSuccess: (j) => setJobId(j.id) });
  const remap = useMutation({ mutationFn: () => peopleApi.remap(jobId!, mapping), onSuccess: (j) => queryClient.setQueryData(peopleKeys.importJob(jobId), j) });
  const commit = useMutation({
    mutationFn: () => peopleApi.commit(jobId!, startDate),
    onSuccess: (j) => queryClient.setQueryData(peopleKeys.importJob(jobId), j),
  });
  const data = job.data;
  useEffect(() => {
    if (data?.phase === 'ready') setMapping(data.mapping);
    if (data?.phase === 'committed') void queryClient.invalidateQueries({ queryKey: peopleKeys.lists });
  }, [data?.phase, data?.mapping, queryClient]);

  const restart = () => {
    setJobId(null);
    setFile(null);
    upload.reset();
    commit.reset();
  };
  const step = !data ? 0 : data.phase === 'committing' || data.phase === 'committed' || (data.phase === 'failed' && commit.isSuccess) ? 2 : 1;
  const mutationError = upload.error ?? remap.error ?? commit.error;

  return (
    <>
      <PageHeader title={t('people.import.title')} subtitle={t('people.import.subtitle')} />
      <Stepper active={step} mb="lg" size="sm">
        <Stepper.Step label={t('people.import.stepUpload')} />
        <Stepper.Step label={t('people.import.stepCheck')} />
        <Stepper.Step label={t('people.import.stepCommit')} />
      </Stepper>
      {mutationError && (
        <Alert color="red" mb="md" data-testid="import-error">
          {isApiError(mutationError) ? mutationError.message : String(mutationError)}
        </Alert>
      )}

      {step === 0 && (
        <Stack maw={560}>
          <Group>
            <Button component="a" href={peopleApi.templateUrl('xlsx')} variant="light" leftSection={<IconDownload size={16} />}>
              {t('people.import.templateXlsx')}
            </Button>
            <Button component="a" href={peopleApi.templateUrl('csv')} variant="subtle" leftSection={<IconDownload size={16} />}>
              {t('people.import.templateCsv')}
            </Button>
            <Button component="a" href={peopleApi.exportUrl(currentLanguage())} variant="subtle" leftSection={<IconDownload size={16} />}>
              {t('people.exportButton')}
            </Button>
          </Group>
          <FileInput
            label={t('people.import.file')}
            accept=".xlsx,.csv,text/csv"
            value={file}
            onChange={setFile}
            leftSection={<IconFileSpreadsheet size={16} />}
            clearable
            data-testid="import-file"
          />
          <Group>
            <Button disabled={!file} loading={upload.isPending} onClick={() => upload.mutate()} data-testid="import-upload">
              {t('people.import.upload')}
            </Button>
          </Group>
        </Stack>
      )}

      {data && <JobProgress job={data} />}
      {data?.phase === 'ready' && (
        <CheckStep job={data} mapping={mapping} setMapping={setMapping} onRevalidate={() => remap.mutate()} revalidating={remap.isPending}>
          <Group align="flex-end">
            <TextInput type="date" label={t('people.import.startDate')} value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} />
            <Button
              disabled={data.errorCount > 0 || data.validRows === 0}
              loading={commit.isPending}
              onClick={() => commit.mutate()}
              data-testid="import-commit"
            >
              {t('people.import.commit', { count: data.validRows })}
            </Button>
            <Button variant="default" onClick={restart}>
              {t('people.import.again')}
            </Button>
          </Group>
          {data.errorCount > 0 && (
            <Alert color="orange" mt="sm">
              {t('people.import.blocked')}
            </Alert>
          )}
        </CheckStep>
      )}
      {(data?.phase === 'committed' || data?.phase === 'failed') && (
        <Stack maw={640}>
          {data.phase === 'committed' ? (
            <Alert color="green" data-testid="import-done">
              {t('people.import.done', { count: data.imported })}
            </Alert>
          ) : (
            <Alert color="red" data-testid="import-failed">
              <FailureText failure={data.failure} />
            </Alert>
          )}
          <Group>
            <Button component="a" href={peopleApi.reportUrl(data.id, 'xlsx')} variant="light" leftSection={<IconDownload size={16} />}>
              {t('people.import.report')}
            </Button>
            <Anchor href={peopleApi.reportUrl(data.id, 'csv')}>{t('people.import.reportCsv')}</Anchor>
            <Button variant="default" onClick={restart}>
              {t('people.import.again')}
            </Button>
            <Button component={Link} to="/people" variant="subtle">
              {t('people.import.toList')}
            </Button>
          </Group>
        </Stack>
      )}
    </>
  );
}

/** Why an import failed: what the file holds when it is not a sheet (from the server's look at its bytes), else the code. */
function FailureText({ failure }: { failure: ImportJob['failure'] }) {
  const { t } = useTranslation();
  const found = (failure?.details as { found?: { vi: string; en: string } } | undefined)?.found;
  const reason = found ? t('people.import.fileIs', { found: found[currentLanguage()] }) : (failure?.code ?? '');
  return <>{t('people.import.failed', { reason })}</>;
}

function JobProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  if (!BUSY_PHASES.includes(job.phase)) return null;
  const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  const label =
    job.phase === 'reading' ? t('people.import.reading') : t(`people.import.${job.phase as 'validating' | 'committing'}`, { done: job.done, total: job.total });
  return (
    <Stack gap={4} maw={640} mb="md" data-testid="import-progress">
      <Text size="sm">{label}</Text>
      <Progress aria-label={label} value={job.phase === 'reading' ? 100 : percent} animated striped={job.phase === 'reading'} size="lg" />
    </Stack>
  );
}

interface CheckStepProps {
  job: ImportJob;
  mapping: ImportMapping;
  setMapping: (m: ImportMapping) => void;
  onRevalidate: () => void;
  revalidating: boolean;
  children: ReactNode;
}

function CheckStep({ job, mapping, setMapping, onRevalidate, revalidating, children }: CheckStepProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const label = (f: ImportJob['fields'][number]) => (lang === 'vi' ? f.vi : f.en);
  const columns = [{ value: '', label: t('people.import.notMapped') }, ...job.headers.map((h, i) => ({ value: String(i), label: h || `#${i + 1}` }))];
  const missing = job.fields.filter((f) => f.required && mapping[f.field] === undefined);
  const fieldLabel = new Map(job.fields.map((f) => [f.field, label(f)]));
  return (
    <Stack>
      <Title order={4}>{t('people.import.mapping')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {job.fields.map((f) => (
          <Select
            key={f.field}
            label={f.required ? `${label(f)} (${t('people.import.required')})` : label(f)}
            data={columns}
            value={mapping[f.field] === undefined ? '' : String(mapping[f.field])}
            onChange={(v) => {
              const next = { ...mapping };
              if (v === null || v === '') delete next[f.field];
              else next[f.field] = Number(v);
              setMapping(next);
            }}
            allowDeselect={false}
          />
        ))}
      </SimpleGrid>
      <Group>
        <Button variant="light" onClick={onRevalidate} loading={revalidating} disabled={missing.length > 0}>
          {t('people.import.revalidate')}
        </Button>
        {missing.length > 0 && (
          <Text c="red" size="sm">
            {t('people.import.missingColumns', { fields: missing.map(label).join(', ') })}
          </Text>
        )}
      </Group>
      <Text fw={600} data-testid="import-summary">
        {t('people.import.summary', { valid: job.validRows, errorRows: job.errorRows, errors: job.errorCount })}
      </Text>
      <ImportChanges job={job} fieldLabel={fieldLabel} />
      {job.errors.length > 0 && (
        <>
          <Title order={5}>{t('people.import.errorsTitle')}</Title>
          <Table striped withTableBorder data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.import.row')}</Table.Th>
                <Table.Th>{t('people.import.column')}</Table.Th>
                <Table.Th>{t('people.import.problem')}</Table.Th>
                <Table.Th>{t('people.import.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {job.errors.map((e, i) => (
                <Table.Tr key={`${e.row}-${e.field}-${i}`}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{fieldLabel.get(e.field) ?? e.field}</Table.Td>
                  <Table.Td>{t(`people.rowErrors.${e.code}`)}</Table.Td>
                  <Table.Td>{e.value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {job.errorCount > job.errors.length && (
            <Text size="sm" c="dimmed">
              {t('people.import.moreErrors', { count: job.errorCount - job.errors.length })}
            </Text>
          )}
          <Anchor href={peopleApi.reportUrl(job.id, 'xlsx')}>{t('people.import.report')}</Anchor>
        </>
      )}
      {job.preview.length > 0 && (
        <>
          <Title order={5}>{t('people.import.previewTitle')}</Title>
          <Table.ScrollContainer minWidth={700}>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('people.import.row')}</Table.Th>
                  <Table.Th>{t('people.fields.staffCode')}</Table.Th>
                  <Table.Th>{t('people.fields.fullName')}</Table.Th>
                  <Table.Th>{t('people.fields.dateOfBirth')}</Table.Th>
                  <Table.Th>{t('people.fields.rank')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {job.preview.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.staffCode}</Table.Td>
                    <Table.Td>{r.fullName}</Table.Td>
                    <Table.Td>{r.dateOfBirth ? formatDate(r.dateOfBirth) : ''}</Table.Td>
                    <Table.Td>{r.rank ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {children}
    </Stack>
  );
}
