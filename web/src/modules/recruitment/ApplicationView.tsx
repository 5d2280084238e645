import { Anchor, Badge, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoader } from '../../ui/PageLoader';
import { useParams } from 'react-router';
import { ReadFailure } from './RecruitmentStates';
import { recruitmentApi, recruitmentKeys } from './recruitmentApi';
import { useRecruitmentText } from './recruitmentText';

/** One application: its candidate, HR and the panel see it; anyone else gets "not found". */
export function ApplicationView() {
  const { id = '' } = useParams();
  const { tr, when } = useRecruitmentText();
  const application = useQuery({ queryKey: recruitmentKeys.application(id), queryFn: ({ signal }) => recruitmentApi.application(id, signal) });
  if (application.isLoading) return <PageLoader />;
  if (application.error || !application.data) return <ReadFailure error={application.error} onRetry={application.refetch} />;
  const a = application.data;
  return (
    <>
      <PageHeader title={`${tr('application')}: ${a.candidateName}`} subtitle={`${a.campaignCode} · ${a.campaignTitle} · ${a.positionTitle}`} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text>
            {tr('status')}: <Badge variant="light">{tr(`appStatuses.${a.status}`)}</Badge> · {tr('submittedAt')}: {when(a.submittedAt)} ·{' '}
            {tr(`sources.${a.source}`)}
          </Text>
          {(a.email || a.phone) && <Text size="sm">{[a.email, a.phone].filter(Boolean).join(' · ')}</Text>}
          {a.retainUntil && (
            <Text size="sm" c="dimmed">
              {tr('retainUntil')}: {a.retainUntil}
            </Text>
          )}
          <Table data-testid="application-documents">
            <Table.Tbody>
              {a.documents.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{tr(`documentKinds.${d.kind}`)}</Table.Td>
                  <Table.Td>
                    <Anchor href={recruitmentApi.documentUrl(d.id)} download={d.fileName}>
                      {d.fileName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{Math.ceil(d.sizeBytes / 1024)} KB</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Paper>
    </>
  );
}
