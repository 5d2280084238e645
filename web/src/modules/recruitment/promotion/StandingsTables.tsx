import { Badge, Checkbox, List, Stack, Table, Text, Title } from '@mantine/core';
import type { Round, StandingRow, Standings } from './promotionApi';
import { usePromotionText } from './promotionText';
import { formatPercent } from '../../../format/format';
import { currentLanguage } from '../../../i18n';

/** A fit (0–100) in the page's percent style: 78,57 % in Vietnamese. */
const fitPercent = (fit: number | null) => (fit === null ? '–' : formatPercent(fit / 100, currentLanguage(), 2));

interface Props {
  standings: Standings;
  /** When the decision is being recorded: who is ticked, and how to tick. */
  choosing?: { chosen: ReadonlySet<string>; toggle: (personId: string) => void };
}

function Checks({ row, profile, failedOnly }: { row: StandingRow; profile: Round['profile']; failedOnly?: boolean }) {
  const { describe } = usePromotionText();
  const checks = row.checks.filter((c) => (failedOnly ? !c.passed : c.rule !== 'not_holder' && c.rule !== 'assessed'));
  if (checks.length === 0) return null;
  return (
    <List size="xs" spacing={2}>
      {checks.map((c) => (
        <List.Item key={c.rule} c={c.passed ? undefined : 'red.8'}>
          {describe(c, profile)}
        </List.Item>
      ))}
    </List>
  );
}

/** The ranked eligible candidates, each standing explained, then the ineligible with the rules they fail. */
export function StandingsTables({ standings, choosing }: Props) {
  const { tr } = usePromotionText();
  const { profile } = standings.round;
  const code = (id: string) => profile.find((p) => p.competencyId === id)?.code ?? id;
  const shortfalls = (row: StandingRow) => row.shortfalls.map((s) => `${code(s.competencyId)} ${s.assessedLevel ?? '–'}/${s.requiredLevel}`).join(', ');
  return (
    <Stack gap="md">
      <Title order={3}>{tr('eligible')}</Title>
      {standings.eligible.length === 0 ? (
        <Text c="dimmed">{tr('noEligible')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder data-testid="promotion-eligible">
            <Table.Thead>
              <Table.Tr>
                {choosing && <Table.Th>{tr('choose')}</Table.Th>}
                <Table.Th>{tr('rank')}</Table.Th>
                <Table.Th>{tr('name')}</Table.Th>
                <Table.Th>{tr('unit')}</Table.Th>
                <Table.Th>{tr('fit')}</Table.Th>
                <Table.Th>{tr('digitalFit')}</Table.Th>
                <Table.Th>{tr('shortfalls')}</Table.Th>
                <Table.Th>{tr('checks')}</Table.Th>
                <Table.Th>{tr('separatedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {standings.eligible.map((row) => (
                <Table.Tr key={row.personId} data-testid={`promotion-row-${row.staffCode}`}>
                  {choosing && (
                    <Table.Td>
                      <Checkbox
                        aria-label={`${tr('choose')} ${row.fullName}`}
                        checked={choosing.chosen.has(row.personId)}
                        onChange={() => choosing.toggle(row.personId)}
                        data-testid={`promotion-choose-${row.staffCode}`}
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    {row.rank} {row.chosen && <Badge color="green">{tr('chosen')}</Badge>}
                  </Table.Td>
                  <Table.Td>
                    {row.fullName}
                    <Text size="xs" c="dimmed">
                      {row.staffCode}
                    </Text>
                  </Table.Td>
                  <Table.Td>{row.agencyName}</Table.Td>
                  <Table.Td>{fitPercent(row.fit)}</Table.Td>
                  <Table.Td>{fitPercent(row.digitalFit)}</Table.Td>
                  <Table.Td>{shortfalls(row)}</Table.Td>
                  <Table.Td>
                    <Checks row={row} profile={profile} />
                  </Table.Td>
                  <Table.Td>{row.separatedBy ? tr(`criteria.${row.separatedBy}`) : (row.rank ?? 0) > 1 ? tr('tie') : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={3}>{tr('ineligible')}</Title>
      <Table.ScrollContainer minWidth={700}>
        <Table withTableBorder data-testid="promotion-ineligible">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tr('name')}</Table.Th>
              <Table.Th>{tr('unit')}</Table.Th>
              <Table.Th>{tr('fit')}</Table.Th>
              <Table.Th>{tr('why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {standings.ineligible.map((row) => (
              <Table.Tr key={row.personId}>
                <Table.Td>
                  {row.fullName}
                  <Text size="xs" c="dimmed">
                    {row.staffCode}
                  </Text>
                </Table.Td>
                <Table.Td>{row.agencyName}</Table.Td>
                <Table.Td>{fitPercent(row.fit)}</Table.Td>
                <Table.Td>
                  <Checks row={row} profile={profile} failedOnly />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
