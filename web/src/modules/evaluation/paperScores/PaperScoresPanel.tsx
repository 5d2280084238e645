import { useRef, useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import i18n from '../../../i18n';
import type { LooseT } from '../../../i18n/moduleTexts';
import { isApiError } from '../../../api/client';
import { QueryError } from '../../../ui/QueryError';
import { registerPaperScoresMessages } from './paperScores.i18n';
import { paperScoresApi, paperScoresKeys, type PaperPhase, type PaperRow } from './paperScoresApi';

registerPaperScoresMessages(i18n);

type Entered = Record<string, number | string>;
interface RowProblem {
  row: number;
  field: string;
  code: string;
}

const cell = (enrolmentId: string, competencyId: string) => `${enrolmentId}|${competencyId}`;
/** What the field holds as a number: Mantine gives a string while it is not one yet ("85," or ""). */
const numberOf = (v: number | string) => (typeof v === 'number' ? v : Number(v.replace(',', '.')));

/**
 * The institution's score sheet of a session: a row per trainee, a 0–100
 * input per competency of the course, for the pre- or the post-test. Saved as
 * one request that the server records whole or not at all; a refused row gets
 * its reason beside the score (or the name) it is about.
 */
export function PaperScoresPanel({ sessionId }: { sessionId: string }) {
  const { t, i18n: current } = useTranslation();
  const tp = (key: string, options?: Record<string, unknown>) => (t as unknown as LooseT)(`paperScores.${key}`, options);
  const client = useQueryClient();
  const [phase, setPhase] = useState<PaperPhase>('pre');
  const [entered, setEntered] = useState<Entered>({});
  const sent = useRef<PaperRow[]>([]);
  const sheet = useQuery({ queryKey: paperScoresKeys.sheet(sessionId), queryFn: ({ signal }) => paperScoresApi.sheet(sessionId, signal) });
  const save = useMutation({
    mutationFn: (rows: PaperRow[]) => {
      sent.current = rows;
      return paperScoresApi.record(sessionId, phase, rows);
    },
    onSuccess: () => {
      setEntered({});
      void client.invalidateQueries({ queryKey: paperScoresKeys.sheet(sessionId) });
    },
  });
  if (sheet.error) return <QueryError error={sheet.error} onRetry={sheet.refetch} />;
  if (!sheet.data) return <Skeleton h={200} />;
  const { competencies, rows } = sheet.data;
  const vi = current.language !== 'en';
  const pick = (name: string, nameEn: string) => (!vi && nameEn ? nameEn : name);
  const fmt = (n: number) => new Intl.NumberFormat(vi ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(n);

  // The refusal's rows, by the enrolment and competency they name (the request's own indexes mapped back).
  const problems = new Map<string, string>();
  if (isApiError(save.error) && save.error.code === 'learning_scores_rejected') {
    for (const p of (save.error.details as { rows?: RowProblem[] } | undefined)?.rows ?? []) {
      const row = sent.current[p.row];
      if (!row) continue;
      const score = /^rows\.\d+\.scores\.(\d+)\./.exec(p.field);
      const key = score ? cell(row.enrolmentId, row.scores[Number(score[1])]?.competencyId ?? '') : row.enrolmentId;
      if (!problems.has(key)) problems.set(key, tp(`errors.${p.code}`));
    }
  }

  const open = (r: (typeof rows)[number]) => !r[phase]?.submitted;
  const toSend = (): PaperRow[] =>
    rows.filter(open).flatMap((r) => {
      const scores = competencies.flatMap((c) => {
        const v = entered[cell(r.enrolmentId, c.competencyId)];
        return v === undefined || v === '' ? [] : [{ competencyId: c.competencyId, score: numberOf(v) }];
      });
      return scores.length ? [{ enrolmentId: r.enrolmentId, scores }] : [];
    });
  const pending = toSend();

  if (rows.length === 0) return <Text c="dimmed">{tp('noTrainees')}</Text>;
  if (competencies.length === 0) return <Text c="dimmed">{tp('noCompetencies')}</Text>;
  return (
    <Stack data-testid="paper-scores">
      <Text size="sm" c="dimmed">
        {tp('hint')}
      </Text>
      <SegmentedControl
        w="fit-content"
        aria-label={tp('phase')}
        value={phase}
        onChange={(v) => {
          setPhase(v as PaperPhase);
          setEntered({});
          save.reset();
        }}
        data={[
          { value: 'pre', label: tp('pre') },
          { value: 'post', label: tp('post') },
        ]}
        data-testid="paper-scores-phase"
      />
      <Table.ScrollContainer minWidth={480}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tp('trainee')}</Table.Th>
              {competencies.map((c) => (
                <Table.Th key={c.competencyId}>
                  {c.code} — {pick(c.name, c.nameEn)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const done = r[phase];
              const rowProblem = problems.get(r.enrolmentId);
              return (
                <Table.Tr key={r.enrolmentId} data-testid="paper-scores-row">
                  <Table.Td>
                    <Text size="sm">{r.fullName}</Text>
                    <Text size="xs" c="dimmed">
                      {r.staffCode}
                    </Text>
                    {done?.submitted && (
                      <Badge size="xs" variant="light" color={done.source === 'online' ? 'blue' : 'teal'}>
                        {done.source === 'online' ? tp('online') : tp('recorded')}
                      </Badge>
                    )}
                    {rowProblem && (
                      <Text size="xs" c="red" role="alert" data-testid="paper-scores-row-error">
                        {rowProblem}
                      </Text>
                    )}
                  </Table.Td>
                  {competencies.map((c) => {
                    const key = cell(r.enrolmentId, c.competencyId);
                    if (done?.submitted) {
                      const s = done.scores.find((x) => x.competencyId === c.competencyId);
                      return (
                        <Table.Td key={c.competencyId} data-testid="paper-score-value">
                          {s ? fmt(s.score) : '—'}
                        </Table.Td>
                      );
                    }
                    return (
                      <Table.Td key={c.competencyId}>
                        <NumberInput
                          size="xs"
                          w={110}
                          min={0}
                          max={100}
                          // The server checks the range and names the row: clamping here would hide a typo.
                          clampBehavior="none"
                          decimalScale={2}
                          decimalSeparator={vi ? ',' : '.'}
                          hideControls
                          aria-label={tp('scoreOf', { competency: c.code, name: r.fullName })}
                          value={entered[key] ?? ''}
                          onChange={(v) => setEntered((e) => ({ ...e, [key]: v }))}
                          error={problems.get(key)}
                          data-testid="paper-score-input"
                        />
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {save.error && (
        <Alert color="red" role="alert" data-testid="paper-scores-error">
          {save.error instanceof Error ? save.error.message : String(save.error)}
        </Alert>
      )}
      {save.isSuccess && (
        <Alert color="teal" data-testid="paper-scores-saved">
          {tp('saved', { count: save.data.recorded })}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button disabled={pending.length === 0} loading={save.isPending} onClick={() => save.mutate(pending)} data-testid="paper-scores-save">
          {tp('save')}
        </Button>
      </Group>
    </Stack>
  );
}
