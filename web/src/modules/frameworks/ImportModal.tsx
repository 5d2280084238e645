import { useState } from 'react';
import { Alert, Button, Checkbox, FileInput, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { FORMATS, frameworksApi, frameworksKeys, issuesOf, type FrameworkFormat, type ImportOutcome } from './frameworksApi';
import { IssueList } from './IssueList';

const ACCEPT: Record<FrameworkFormat, string> = {
  xlsx: '.xlsx',
  'moodle-csv': '.csv,text/csv',
  case: '.json,application/json',
  digcomp: '.jsonld,.json',
};

/** Upload a framework file; a bad file imports nothing and its errors are listed here. */
export function ImportModal({ opened, onClose, canPublish }: { opened: boolean; onClose: () => void; canPublish: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<FrameworkFormat>('xlsx');
  const [file, setFile] = useState<File | null>(null);
  const [publish, setPublish] = useState(false);
  const [url, setUrl] = useState('');
  const [done, setDone] = useState<ImportOutcome | null>(null);
  const upload = useMutation({
    // A CASE package comes from a file or, without one, from the service address typed.
    mutationFn: () => (format === 'case' && !file ? frameworksApi.importUrl(url.trim(), publish) : frameworksApi.import(format, file!, publish)),
    onSuccess: (outcome) => {
      setDone(outcome);
      void queryClient.invalidateQueries({ queryKey: frameworksKeys.all });
    },
  });
  const close = () => {
    setDone(null);
    setFile(null);
    upload.reset();
    onClose();
  };
  const issues = issuesOf(upload.error);

  return (
    <Modal opened={opened} onClose={close} title={t('frameworks.import.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('frameworks.import.help')}
        </Text>
        <Select
          label={t('frameworks.import.format')}
          data={FORMATS.map((f) => ({ value: f, label: t(`frameworks.formats.${f}`) }))}
          value={format}
          onChange={(value) => value && setFormat(value as FrameworkFormat)}
          allowDeselect={false}
          data-testid="import-format"
        />
        <FileInput label={t('frameworks.import.file')} accept={ACCEPT[format]} value={file} onChange={setFile} clearable data-testid="import-file" />
        {format === 'case' && !file && (
          <TextInput
            label={t('frameworks.import.fromUrl')}
            placeholder={t('frameworks.import.urlPlaceholder')}
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            maxLength={2000}
            data-testid="import-url"
          />
        )}
        {canPublish && <Checkbox label={t('frameworks.import.publish')} checked={publish} onChange={(e) => setPublish(e.currentTarget.checked)} />}
        {upload.error && issues.length === 0 && <Alert color="red">{isApiError(upload.error) ? upload.error.message : String(upload.error)}</Alert>}
        <IssueList issues={issues} title={t('frameworks.import.refused', { count: issues.length })} downloadName="import-errors.csv" />
        {done && (
          <Alert color="green" title={t('frameworks.import.done', { version: done.versionNo })} data-testid="import-done">
            <Stack gap="xs">
              <Link to={`/frameworks/versions/${done.versionId}`} onClick={close}>
                {t('frameworks.import.open')}
              </Link>
              <IssueList
                issues={done.warnings}
                color="yellow"
                title={t('frameworks.import.warnings', { count: done.warnings.length })}
                downloadName="import-warnings.csv"
              />
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.close')}
          </Button>
          <Button
            leftSection={<IconFileImport size={16} />}
            disabled={!file && !(format === 'case' && url.trim())}
            loading={upload.isPending}
            onClick={() => upload.mutate()}
            data-testid="import-submit"
          >
            {format === 'case' && !file && url.trim() ? t('frameworks.import.submitUrl') : t('frameworks.import.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
