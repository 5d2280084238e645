import { Alert, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pick, type ImportChoices, type ImportPreview } from './frameworksApi';
import { IssueList } from './IssueList';

/** Every question of the preview has an answer among the options offered. */
export function choicesComplete(preview: ImportPreview, choices: ImportChoices): boolean {
  const { structure, levels } = preview.questions;
  return (
    (!structure || (!!choices.structure && structure.options.includes(choices.structure))) &&
    (!levels || (!!choices.levels && levels.options.includes(choices.levels)))
  );
}

/**
 * What the file holds, and the questions a package without groups or without a
 * scale asks: nothing is chosen for the user (the import is refused without the answers).
 */
export function ImportChoicesPanel({
  preview,
  choices,
  onChange,
}: {
  preview: ImportPreview;
  choices: ImportChoices;
  onChange: (choices: ImportChoices) => void;
}) {
  const { t } = useTranslation();
  const { structure, levels } = preview.questions;
  return (
    <Alert color="blue" title={t('frameworks.import.previewTitle', { name: pick(preview.name) || preview.code })} data-testid="import-preview-summary">
      <Stack gap="sm">
        <Text size="sm">
          {t('frameworks.import.previewCounts', { groups: preview.groups, competencies: preview.competencies, levels: preview.levels, code: preview.code })}
        </Text>
        {structure && (
          <Radio.Group
            label={t('frameworks.import.structureQuestion')}
            value={choices.structure ?? null}
            onChange={(value) => onChange({ ...choices, structure: value as ImportChoices['structure'] })}
            data-testid="import-structure"
          >
            <Stack gap={4} mt={4}>
              {structure.options.map((option) => (
                <Radio key={option} value={option} label={t(`frameworks.import.structure.${option}`)} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {structure && choices.structure && (
          <TextInput
            label={t(choices.structure === 'one_group' ? 'frameworks.import.groupName' : 'frameworks.import.otherGroupName')}
            placeholder={structure.groupName}
            value={choices.groupName ?? ''}
            onChange={(e) => onChange({ ...choices, groupName: e.currentTarget.value })}
            maxLength={500}
            data-testid="import-group-name"
          />
        )}
        {levels && (
          <Radio.Group
            label={t('frameworks.import.levelsQuestion')}
            value={choices.levels ?? null}
            onChange={(value) => onChange({ ...choices, levels: value as ImportChoices['levels'] })}
            data-testid="import-levels"
          >
            <Stack gap={4} mt={4}>
              {levels.options.map((option) => (
                <Radio key={option} value={option} label={t(`frameworks.import.levels.${option}`)} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <IssueList
          issues={preview.warnings}
          color="yellow"
          title={t('frameworks.import.warnings', { count: preview.warnings.length })}
          downloadName="import-warnings.csv"
        />
      </Stack>
    </Alert>
  );
}
