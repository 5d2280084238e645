import { Alert, Button, ScrollArea, Stack, Table } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { csvLine } from '../../../../src/platform/export/spreadsheet-safe';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { pick, type ImportIssue } from './frameworksApi';
import { issueLocation } from './issueLocation';

/** The whole list as a CSV file (both languages, cells neutralised like every export of ours). */
function issuesCsvUrl(issues: ImportIssue[]): string {
  const lines = [csvLine(['location', 'vi', 'en']), ...issues.map((i) => csvLine([i.location, i.message.vi, i.message.en]))];
  return URL.createObjectURL(new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' }));
}

/** The row-by-row (or path-by-path) report of a refused file or draft; `downloadName` offers the full list as a file. */
export function IssueList({ issues, title, color = 'red', downloadName }: { issues: ImportIssue[]; title: string; color?: string; downloadName?: string }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  const download = () => {
    const url = issuesCsvUrl(issues);
    const link = document.createElement('a');
    link.href = url;
    link.download = downloadName!;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <Alert color={color} icon={<IconAlertTriangle size={18} />} title={title} data-testid="issue-list">
      <Stack gap="xs">
        {downloadName && (
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={download} w="fit-content" data-testid="issue-list-download">
            {t('frameworks.import.downloadList')}
          </Button>
        )}
        <ScrollArea.Autosize mah={260}>
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('frameworks.issues.location')}</Table.Th>
                <Table.Th>{t('frameworks.issues.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {issues.map((issue, i) => (
                <Table.Tr key={i}>
                  <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{issueLocation(issue.location, currentLanguage())}</Table.Td>
                  <Table.Td>{pick(issue.message)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Stack>
    </Alert>
  );
}
