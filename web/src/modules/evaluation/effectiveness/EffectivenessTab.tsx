import { useState } from 'react';
import { Anchor, Badge, Group, Paper, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import i18n from '../../../i18n';
import { QueryError } from '../../../ui/QueryError';
import { PageHeader } from '../../../ui/PageHeader';
import { EffectInterval } from './EffectInterval';
import { effectivenessApi, effectivenessKeys, type Dimension, type RankingRow } from './effectivenessApi';
import { registerEffectivenessMessages } from './effectiveness.i18n';
import { useEffectivenessText, type EffectivenessKey } from './effectivenessText';

registerEffectivenessMessages(i18n);

const DIMENSIONS: readonly Dimension[] = ['course', 'institution', 'competency', 'format'];
const VERDICT_COLOR = { raised: 'green', no_difference: 'gray', lowered: 'red', too_small: 'yellow' } as const;

export function VerdictBadge({ verdict, min }: { verdict: RankingRow['verdict']; min: number }) {
  const { te } = useEffectivenessText();
  return (
    <Badge color={VERDICT_COLOR[verdict]} variant="light" tt="none" data-testid="effect-verdict">
      {te(`verdicts.${verdict}`, { min })}
    </Badge>
  );
}

/** The ranking of courses, institutions, competencies or formats by measured effect, with its interval; a course opens its page. */
export function EffectivenessTab() {
  const { te, levels, language } = useEffectivenessText();
  const [by, setBy] = useState<Dimension>('course');
  const ranking = useQuery({ queryKey: effectivenessKeys.ranking(by), queryFn: ({ signal }) => effectivenessApi.ranking(by, signal) });
  const rows = ranking.data?.items ?? [];
  const scale = Math.max(0.5, ...rows.flatMap((r) => [r.low, r.high, r.effect].filter((v): v is number => v !== null).map(Math.abs)));
  const name = (r: RankingRow) => {
    if (by === 'format') return te(`formats.${r.key}` as EffectivenessKey);
    return language === 'en' ? r.labelEn : r.label;
  };
  return (
    <>
      <PageHeader title={te('title')} subtitle={te('subtitle')} />
      <Stack gap="md">
        <Group>
          <Text size="sm" fw={500}>
            {te('by')}
          </Text>
          <SegmentedControl
            value={by}
            onChange={(v) => setBy(v as Dimension)}
            data={DIMENSIONS.map((d) => ({ value: d, label: te(`dimensions.${d}`) }))}
            data-testid="effect-dimension"
          />
        </Group>
        {ranking.error && <QueryError error={ranking.error} onRetry={ranking.refetch} />}
        {ranking.isPending && <Skeleton h={240} radius="md" />}
        {ranking.data && rows.length === 0 && <Text c="dimmed">{te('empty')}</Text>}
        {rows.length > 0 && (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={760}>
              <Table striped data-testid="effect-ranking">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{te('columns.rank')}</Table.Th>
                    <Table.Th>{te('columns.name')}</Table.Th>
                    <Table.Th ta="right">{te('columns.effect')}</Table.Th>
                    <Table.Th>{te('columns.interval')}</Table.Th>
                    <Table.Th ta="right">{te('columns.trained')}</Table.Th>
                    <Table.Th ta="right">{te('columns.comparison')}</Table.Th>
                    <Table.Th>{te('columns.verdict')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r, i) => (
                    <Table.Tr key={r.key} data-testid="effect-row">
                      <Table.Td>{r.verdict === 'too_small' ? '—' : i + 1}</Table.Td>
                      <Table.Td>
                        {by === 'course' ? (
                          <Anchor component={Link} to={`/evaluation/effectiveness/courses/${r.key}`} data-testid="effect-course-link">
                            {name(r)}
                          </Anchor>
                        ) : (
                          name(r)
                        )}
                        {r.institutionName && (
                          <Text size="xs" c="dimmed">
                            {r.institutionName}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{levels(r.effect)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <EffectInterval effect={r.effect} low={r.low} high={r.high} scale={scale} />
                          <Text size="xs" c="dimmed">
                            {r.low === null ? '' : `[${levels(r.low)}; ${levels(r.high)}]`}
                          </Text>
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right">{r.treatedN}</Table.Td>
                      <Table.Td ta="right">{r.comparisonN}</Table.Td>
                      <Table.Td>
                        <VerdictBadge verdict={r.verdict} min={ranking.data?.minGroupSize ?? 5} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </Stack>
    </>
  );
}
