import { useState } from 'react';
import { Alert, Badge, Button, FileInput, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconEye, IconFileImport } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { formatDate, formatDateTime } from '../../format/format';
import { QueryError } from '../../ui/QueryError';
import { IssueList } from '../frameworks/IssueList';
import { issuesOf } from '../frameworks/frameworksApi';
import { orgApi, orgKeys, type ChangeFileKind, type ChangePlan, type PlannedChange } from './orgApi';

/** Successor names or the unit's name, as the preview and the history show a state. */
function stateText(state: PlannedChange['before']): string {
  if (state.successors) return state.successors.map((s) => `${s.name} (${s.code})`).join(', ') || '—';
  return state.fullName ?? '—';
}

/**
 * The national administrator's import of the statistics office's crosswalk or of a dated
 * change set: preview every change first, then apply the same file (all or nothing).
 */
export function UnitChangesPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ChangeFileKind>('crosswalk');
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<ChangePlan | null>(null);
  const history = useQuery({ queryKey: orgKeys.changeSets, queryFn: ({ signal }) => orgApi.changeSets(signal) });
  const preview = useMutation({ mutationFn: () => orgApi.previewUnitChanges(kind, file!), onSuccess: setPlan });
  const apply = useMutation({
    mutationFn: () => orgApi.importUnitChanges(kind, file!),
    onSuccess: () => {
      setPlan(null);
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
  const reset = (next: File | null) => {
    setFile(next);
    setPlan(null);
    preview.reset();
    apply.reset();
  };
  const refused = issuesOf(apply.error);

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t(`org.unitChanges.help.${kind}`)}
      </Text>
      <Group align="end">
        <SegmentedControl
          value={kind}
          onChange={(value) => {
            setKind(value as ChangeFileKind);
            reset(file);
          }}
          data={[
            { value: 'crosswalk', label: t('org.unitChanges.kinds.crosswalk') },
            { value: 'changes', label: t('org.unitChanges.kinds.changes') },
          ]}
          data-testid="unit-changes-kind"
        />
        <FileInput label={t('org.unitChanges.file')} accept=".xlsx,.csv" value={file} onChange={reset} clearable w={320} data-testid="unit-changes-file" />
        <Button
          leftSection={<IconEye size={16} />}
          disabled={!file}
          loading={preview.isPending}
          onClick={() => preview.mutate()}
          data-testid="unit-changes-preview"
        >
          {t('org.unitChanges.preview')}
        </Button>
      </Group>
      {preview.error && issuesOf(preview.error).length === 0 && (
        <Alert color="red">{isApiError(preview.error) ? preview.error.message : String(preview.error)}</Alert>
      )}
      <IssueList
        issues={issuesOf(preview.error)}
        title={t('org.unitChanges.errors', { count: issuesOf(preview.error).length })}
        downloadName="unit-changes-errors.csv"
      />
      {plan && <PlanView plan={plan} />}
      {plan && plan.errors.length === 0 && plan.changes.length > 0 && (
        <Group>
          <Button
            leftSection={<IconFileImport size={16} />}
            loading={apply.isPending}
            onClick={() => window.confirm(t('org.unitChanges.confirm', { count: plan.changes.length })) && apply.mutate()}
            data-testid="unit-changes-apply"
          >
            {t('org.unitChanges.apply', { count: plan.changes.length })}
          </Button>
        </Group>
      )}
      {apply.error && refused.length === 0 && <Alert color="red">{isApiError(apply.error) ? apply.error.message : String(apply.error)}</Alert>}
      <IssueList issues={refused} title={t('org.unitChanges.errors', { count: refused.length })} downloadName="unit-changes-errors.csv" />
      {apply.data && (
        <Alert color="green" data-testid="unit-changes-done">
          {t('org.unitChanges.done', { count: apply.data.changes.length })}
        </Alert>
      )}
      <Title order={4}>{t('org.unitChanges.history')}</Title>
      {history.error && <QueryError error={history.error} />}
      <Table data-testid="unit-change-sets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('org.unitChanges.importedAt')}</Table.Th>
            <Table.Th>{t('org.unitChanges.kind')}</Table.Th>
            <Table.Th>{t('org.unitChanges.effectiveDate')}</Table.Th>
            <Table.Th>{t('org.unitChanges.file')}</Table.Th>
            <Table.Th>{t('org.unitChanges.changes')}</Table.Th>
            <Table.Th>{t('org.unitChanges.importedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(history.data?.items ?? []).map((set) => (
            <Table.Tr key={set.id}>
              <Table.Td>{formatDateTime(set.importedAt)}</Table.Td>
              <Table.Td>{t(`org.unitChanges.kinds.${set.kind}`)}</Table.Td>
              <Table.Td>{formatDate(set.effectiveDate)}</Table.Td>
              <Table.Td>{set.fileName}</Table.Td>
              <Table.Td>{set.changes}</Table.Td>
              <Table.Td>{set.importedBy ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function PlanView({ plan }: { plan: ChangePlan }) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="unit-changes-plan">
      <Text>{t('org.unitChanges.summary', { rows: plan.rowsRead, changes: plan.changes.length, unchanged: plan.unchanged })}</Text>
      <IssueList
        issues={plan.warnings}
        color="yellow"
        title={t('org.unitChanges.warnings', { count: plan.warnings.length })}
        downloadName="unit-changes-warnings.csv"
      />
      {plan.changes.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('org.unitChanges.unit')}</Table.Th>
              <Table.Th>{t('org.unitChanges.kind')}</Table.Th>
              <Table.Th>{t('org.unitChanges.before')}</Table.Th>
              <Table.Th>{t('org.unitChanges.after')}</Table.Th>
              <Table.Th>{t('org.unitChanges.rows')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.changes.map((c) => (
              <Table.Tr key={`${c.kind}-${c.unitId}`}>
                <Table.Td>
                  {c.unitName} ({c.unitCode})
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`org.unitChanges.changeKinds.${c.kind}`)}</Badge>
                </Table.Td>
                <Table.Td>{stateText(c.before)}</Table.Td>
                <Table.Td>{stateText(c.after)}</Table.Td>
                <Table.Td>{c.rows.join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
