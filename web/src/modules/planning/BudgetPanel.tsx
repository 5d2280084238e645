import { useState } from 'react';
import { Button, Group, NumberInput, Paper, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { EmptyState } from '../../ui/EmptyState';
import { QueryError } from '../../ui/QueryError';
import { planningApi, planningKeys } from './planningApi';
import { usePlanningText } from './planningText';

/** Planned against spent budget by unit (issue 15, item 5): provinces nationally, a unit's subunits below it, with a drill-down. */
export function BudgetPanel() {
  const { tp, num } = usePlanningText();
  const [year, setYear] = useState(new Date().getFullYear());
  // The drill-down path: each step is a unit whose subunits are shown.
  const [trail, setTrail] = useState<string[]>([]);
  const agencyId = trail.at(-1);
  const budget = useQuery({ queryKey: planningKeys.budget(year, agencyId), queryFn: ({ signal }) => planningApi.budget(year, agencyId, signal) });
  const rows = budget.data?.rows ?? [];
  return (
    <Paper withBorder p="md" data-testid="planning-budget-view">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={3}>
            {tp('budgetView.title')}
            {budget.data?.parent ? ` — ${budget.data.parent.name}` : ''}
          </Title>
          <Group align="flex-end">
            {trail.length > 0 && (
              <Button variant="default" onClick={() => setTrail(trail.slice(0, -1))}>
                {tp('budgetView.up')}
              </Button>
            )}
            <NumberInput label={tp('year')} value={year} min={2000} max={2100} onChange={(v) => typeof v === 'number' && setYear(v)} w={100} />
          </Group>
        </Group>
        {budget.error && <QueryError error={budget.error} onRetry={budget.refetch} />}
        {budget.data && rows.length === 0 && <EmptyState title={tp('budgetView.emptyTitle', { year })} hint={tp('budgetView.emptyHint')} />}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{tp('budgetView.unit')}</Table.Th>
                  <Table.Th>{tp('budgetView.plans')}</Table.Th>
                  <Table.Th>{tp('budgetView.budget')}</Table.Th>
                  <Table.Th>
                    {tp('budgetView.planned', {
                      seats: num(
                        rows.reduce((s, r) => s + r.plannedSeats, 0),
                        0,
                      ),
                    })}
                  </Table.Th>
                  <Table.Th>
                    {tp('budgetView.spent', {
                      seats: num(
                        rows.reduce((s, r) => s + r.spentSeats, 0),
                        0,
                      ),
                    })}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={`${r.agencyId}-${r.own}`}>
                    <Table.Td>
                      {r.own ? tp('budgetView.own', { name: r.name }) : r.name}
                      {r.hasChildren && (
                        <Button
                          variant="subtle"
                          size="compact-xs"
                          ml="xs"
                          onClick={() => setTrail([...trail, r.agencyId])}
                          aria-label={`${tp('budgetView.open')}: ${r.name}`}
                        >
                          {tp('budgetView.open')}
                        </Button>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {num(r.approvedPlans, 0)} / {num(r.draftPlans, 0)}
                    </Table.Td>
                    <Table.Td>{num(r.budget, 0)}</Table.Td>
                    <Table.Td>
                      {num(r.planned, 0)} ({num(r.plannedSeats, 0)})
                    </Table.Td>
                    <Table.Td>
                      {num(r.spent, 0)} ({num(r.spentSeats, 0)})
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
