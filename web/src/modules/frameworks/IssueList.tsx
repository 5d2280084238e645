import { Alert, ScrollArea, Table } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { pick, type ImportIssue } from './frameworksApi';
import { issueLocation } from './issueLocation';

/** The row-by-row (or path-by-path) report of a refused file or draft. */
export function IssueList({ issues, title, color = 'red' }: { issues: ImportIssue[]; title: string; color?: string }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <Alert color={color} icon={<IconAlertTriangle size={18} />} title={title} data-testid="issue-list">
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
    </Alert>
  );
}
