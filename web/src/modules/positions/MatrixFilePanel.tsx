import { useState } from 'react';
import { Alert, Button, FileButton, Group, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileImport, IconUpload, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { IssueList } from '../frameworks/IssueList';
import type { ImportIssue } from '../frameworks/frameworksApi';
import { matrixExportUrl, positionsApi, positionsKeys, type MatrixFileAnswer } from './positionsApi';

const levelText = (cell: MatrixFileAnswer['changes'][number]['before']) => (cell ? `${cell.requiredLevel}/${cell.criticality}` : '—');

/** A cell's problem as the import lists show it: where (competency column, row), what, and the value found. */
function issueOf(e: MatrixFileAnswer['errors'][number]): ImportIssue {
  const where = [e.column, e.row > 0 ? `dòng ${e.row} / row ${e.row}` : ''].filter(Boolean).join(', ');
  return { location: where, message: { vi: `${e.message.vi} (“${e.value}”)`, en: `${e.message.en} (“${e.value}”)` } };
}

/**
 * The matrix as an Excel file both ways: download it, edit it in Excel, upload it
 * again to see every cell it changes and every cell it cannot take, then apply the
 * same file (all or nothing).
 */
export function MatrixFilePanel({ canImport, blocked }: { canImport: boolean; blocked: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<MatrixFileAnswer | null>(null);
  const preview = useMutation({ mutationFn: (chosen: File) => positionsApi.previewMatrixFile(chosen), onSuccess: setPlan });
  const apply = useMutation({
    mutationFn: () => positionsApi.importMatrixFile(file!),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: positionsKeys.all });
      setPlan(null);
    },
  });
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setPlan(null);
    apply.reset();
    if (chosen) preview.mutate(chosen);
  };
  const failure = preview.error ?? apply.error;
  const issues = (plan?.errors ?? []).map(issueOf);

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button
          component="a"
          href={matrixExportUrl(currentLanguage())}
          download
          size="xs"
          variant="default"
          leftSection={<IconFileSpreadsheet size={14} />}
          data-testid="matrix-export"
        >
          {t('positions.matrixFile.export')}
        </Button>
        {canImport && (
          <FileButton onChange={choose} accept=".xlsx">
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="default"
                leftSection={<IconUpload size={14} />}
                loading={preview.isPending}
                disabled={blocked}
                data-testid="matrix-import"
              >
                {t('positions.matrixFile.import')}
              </Button>
            )}
          </FileButton>
        )}
        {blocked && canImport && (
          <Text size="xs" c="dimmed">
            {t('positions.matrixFile.saveFirst')}
          </Text>
        )}
      </Group>
      {failure && <Alert color="red">{isApiError(failure) ? failure.message : String(failure)}</Alert>}
      {apply.isSuccess && (
        <Alert color="green" data-testid="matrix-import-done" withCloseButton onClose={() => apply.reset()}>
          {t('positions.matrixFile.done', { count: apply.data.changes.length })}
        </Alert>
      )}
      {plan && (
        <Stack gap="xs" data-testid="matrix-import-preview">
          <Text size="sm">{t('positions.matrixFile.summary', { name: file?.name ?? '', changes: plan.changes.length, errors: plan.errors.length })}</Text>
          <IssueList issues={issues} title={t('positions.matrixFile.errors', { count: issues.length })} downloadName="matrix-errors.csv" />
          {plan.changes.length > 0 && (
            <Table striped withTableBorder data-testid="matrix-import-changes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('positions.matrix.position')}</Table.Th>
                  <Table.Th>{t('positions.matrixFile.competency')}</Table.Th>
                  <Table.Th>{t('positions.matrixFile.before')}</Table.Th>
                  <Table.Th>{t('positions.matrixFile.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.changes.map((c) => (
                  <Table.Tr key={`${c.positionId}:${c.competencyId}`}>
                    <Table.Td>{c.positionCode}</Table.Td>
                    <Table.Td>{c.competencyCode}</Table.Td>
                    <Table.Td>{levelText(c.before)}</Table.Td>
                    <Table.Td>{levelText(c.after)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group gap="xs">
            <Button
              size="xs"
              leftSection={<IconFileImport size={14} />}
              disabled={plan.errors.length > 0 || plan.changes.length === 0}
              loading={apply.isPending}
              onClick={() => apply.mutate()}
              data-testid="matrix-import-apply"
            >
              {t('positions.matrixFile.apply', { count: plan.changes.length })}
            </Button>
            <Button size="xs" variant="default" leftSection={<IconX size={14} />} onClick={() => choose(null)}>
              {t('positions.matrixFile.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
