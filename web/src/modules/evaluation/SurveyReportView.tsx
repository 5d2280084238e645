import { Alert, List, Stack, Table, Text } from '@mantine/core';
import type { SurveyReport } from './reactionApi';
import { useReactionText } from './reactionText';

/** One group's figures: the status alone while open or under the threshold; means, counts per point and comments once released. */
export function SurveyReportView({ report }: { report: SurveyReport }) {
  const { tr, num, pick } = useReactionText();
  if (report.status !== 'released')
    return (
      <Alert color={report.status === 'too_few' ? 'yellow' : 'gray'} data-testid={`survey-${report.status}`}>
        {tr(`status.${report.status}`)}
      </Alert>
    );
  return (
    <Stack gap="xs" data-testid="survey-released">
      <Text size="sm">{tr('respondents', { respondents: report.respondents })}</Text>
      {report.questions.map((q) =>
        q.kind === 'scale' ? (
          <Table key={q.id} withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{pick(q.text, q.textEn)}</Table.Th>
                {q.points.map((p, i) => (
                  <Table.Th key={i}>{pick(p.label, p.labelEn)}</Table.Th>
                ))}
                <Table.Th>{tr('mean')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td />
                {q.counts.map((c, i) => (
                  <Table.Td key={i}>{c}</Table.Td>
                ))}
                <Table.Td fw={600} data-testid="survey-mean">
                  {num(q.mean)} / {q.points.length}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        ) : (
          <div key={q.id}>
            <Text size="sm" fw={500}>
              {pick(q.text, q.textEn)} — {tr('comments')}
            </Text>
            <List size="sm">
              {q.texts.map((text, i) => (
                <List.Item key={i}>{text}</List.Item>
              ))}
            </List>
          </div>
        ),
      )}
    </Stack>
  );
}
