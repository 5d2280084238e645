import { useState } from 'react';
import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { catalogueApi, catalogueKeys } from './catalogueApi';

interface RowIssue {
  row: number;
  column: string;
  message: string;
}

/** Download the catalogue as xlsx; import it back, all or nothing, with the server's errors by row. */
export function CatalogueFilePanel({ institutionId, canManage }: { institutionId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: () => catalogueApi.importCatalogue(institutionId, file!),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.all }),
  });
  const issues = isApiError(run.error) ? ((run.error.details as { issues?: RowIssue[] } | undefined)?.issues ?? []) : [];

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Button
          component="a"
          href={catalogueApi.exportUrl(institutionId)}
          leftSection={<IconDownload size={16} />}
          variant="light"
          data-testid="catalogue-export"
        >
          {t('catalogue.file.export')}
        </Button>
        <Text size="sm" c="dimmed" mt="xs">
          {t('catalogue.file.exportNote')}
        </Text>
      </Paper>
      {canManage && (
        <Paper withBorder p="md">
          <Group align="flex-end">
            <FileInput
              label={t('catalogue.file.import')}
              placeholder={t('catalogue.file.choose')}
              accept=".xlsx"
              value={file}
              onChange={setFile}
              w={360}
              data-testid="catalogue-import-file"
            />
            <Button leftSection={<IconUpload size={16} />} disabled={!file} loading={run.isPending} onClick={() => run.mutate()} data-testid="catalogue-import">
              {t('catalogue.file.run')}
            </Button>
          </Group>
          {run.data && (
            <Alert color="green" mt="sm" data-testid="catalogue-import-done">
              {t('catalogue.file.done', run.data)}
            </Alert>
          )}
          {run.error && (
            <Alert color="red" mt="sm" data-testid="catalogue-import-error">
              {run.error.message}
              {issues.length > 0 && (
                <Table mt="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('catalogue.file.row')}</Table.Th>
                      <Table.Th>{t('catalogue.file.column')}</Table.Th>
                      <Table.Th>{t('catalogue.file.message')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {issues.map((issue, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{issue.row}</Table.Td>
                        <Table.Td>{issue.column}</Table.Td>
                        <Table.Td>{issue.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Alert>
          )}
        </Paper>
      )}
    </Stack>
  );
}
