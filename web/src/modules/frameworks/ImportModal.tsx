import { useState } from 'react';
import { Alert, Button, Checkbox, FileInput, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import {
  FORMATS,
  frameworksApi,
  frameworksKeys,
  issuesOf,
  pick,
  type FrameworkFormat,
  type ImportChoices,
  type ImportOutcome,
  type ImportPreview,
} from './frameworksApi';
import { choicesComplete, ImportChoicesPanel } from './ImportChoicesPanel';
import { IssueList } from './IssueList';

const ACCEPT: Record<FrameworkFormat, string> = {
  xlsx: '.xlsx',
  'moodle-csv': '.csv,text/csv',
  case: '.json,application/json',
  digcomp: '.jsonld,.json',
};

/**
 * Upload a framework file: first a preview (what the file holds, and the
 * questions of a package without groups or scale), then the import with the
 * answers, or cancel. A bad file imports nothing and its errors are listed here.
 */
export function ImportModal({ opened, onClose, canPublish }: { opened: boolean; onClose: () => void; canPublish: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<FrameworkFormat>('xlsx');
  const [file, setFile] = useState<File | null>(null);
  const [publish, setPublish] = useState(false);
  const [url, setUrl] = useState('');
  const [done, setDone] = useState<ImportOutcome | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choices, setChoices] = useState<ImportChoices>({});
  // A CASE package comes from a file or, without one, from the service address typed.
  const fromUrl = format === 'case' && !file;
  const previewing = useMutation({
    mutationFn: () => (fromUrl ? frameworksApi.previewUrl(url.trim()) : frameworksApi.preview(format, file!)),
    onSuccess: (answer) => {
      setPreview(answer);
      setChoices({});
    },
  });
  const upload = useMutation({
    mutationFn: () => {
      // Only the questions asked are answered; an empty group name keeps the one the preview proposed.
      const sent: ImportChoices = {
        ...(preview?.questions.structure && choices.structure ? { structure: choices.structure } : {}),
        ...(preview?.questions.structure && choices.groupName?.trim() ? { groupName: choices.groupName.trim() } : {}),
        ...(preview?.questions.levels && choices.levels ? { levels: choices.levels } : {}),
      };
      // A draft without levels cannot be published: the box is off for it.
      const publishNow = publish && sent.levels !== 'without_levels';
      return fromUrl ? frameworksApi.importUrl(url.trim(), publishNow, sent) : frameworksApi.import(format, file!, publishNow, sent);
    },
    onSuccess: (outcome) => {
      setDone(outcome);
      setPreview(null);
      void queryClient.invalidateQueries({ queryKey: frameworksKeys.all });
    },
  });
  const restart = () => {
    setPreview(null);
    setChoices({});
    previewing.reset();
    upload.reset();
  };
  const close = () => {
    setDone(null);
    setFile(null);
    restart();
    onClose();
  };
  const error = previewing.error ?? upload.error;
  const issues = issuesOf(error);
  const withoutLevels = preview?.questions.levels !== null && choices.levels === 'without_levels';

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
          onChange={(value) => {
            if (!value) return;
            setFormat(value as FrameworkFormat);
            restart();
          }}
          allowDeselect={false}
          data-testid="import-format"
        />
        <FileInput
          label={t('frameworks.import.file')}
          accept={ACCEPT[format]}
          value={file}
          onChange={(next) => {
            setFile(next);
            restart();
          }}
          clearable
          data-testid="import-file"
        />
        {format === 'case' && !file && (
          <TextInput
            label={t('frameworks.import.fromUrl')}
            placeholder={t('frameworks.import.urlPlaceholder')}
            value={url}
            onChange={(e) => {
              setUrl(e.currentTarget.value);
              restart();
            }}
            maxLength={2000}
            data-testid="import-url"
          />
        )}
        {canPublish && (
          <Checkbox
            label={t('frameworks.import.publish')}
            checked={publish && !withoutLevels}
            disabled={withoutLevels}
            onChange={(e) => setPublish(e.currentTarget.checked)}
          />
        )}
        {preview && <ImportChoicesPanel preview={preview} choices={choices} onChange={setChoices} />}
        {error && issues.length === 0 && <Alert color="red">{isApiError(error) ? error.message : String(error)}</Alert>}
        <IssueList issues={issues} title={t('frameworks.import.refused', { count: issues.length })} downloadName="import-errors.csv" />
        {done && (
          <Alert color="green" title={t('frameworks.import.done', { version: done.versionNo })} data-testid="import-done">
            <Stack gap="xs">
              <Link to={`/frameworks/versions/${done.versionId}`} onClick={close}>
                {t('frameworks.import.open')}
              </Link>
              {done.decisions.length > 0 && (
                <Stack gap={2} data-testid="import-decisions">
                  <Text size="sm" fw={500}>
                    {t('frameworks.import.decisions')}
                  </Text>
                  {done.decisions.map((d) => (
                    <Text key={d.question} size="sm">
                      {pick(d.message)}
                    </Text>
                  ))}
                </Stack>
              )}
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
          {preview ? (
            <>
              <Button variant="default" onClick={restart} data-testid="import-cancel">
                {t('frameworks.import.cancel')}
              </Button>
              <Button
                leftSection={<IconFileImport size={16} />}
                disabled={!choicesComplete(preview, choices)}
                loading={upload.isPending}
                onClick={() => upload.mutate()}
                data-testid="import-submit"
              >
                {fromUrl ? t('frameworks.import.submitUrl') : t('frameworks.import.submit')}
              </Button>
            </>
          ) : (
            <>
              <Button variant="default" onClick={close}>
                {t('common.close')}
              </Button>
              <Button
                disabled={!file && !(format === 'case' && url.trim())}
                loading={previewing.isPending}
                onClick={() => {
                  setDone(null);
                  upload.reset();
                  previewing.mutate();
                }}
                data-testid="import-preview"
              >
                {t('frameworks.import.preview')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
