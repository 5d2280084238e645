import { Anchor, Badge, Paper, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import i18n from '../../../i18n';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { plansApi, plansKeys } from './plansApi';
import { registerPlansMessages } from './plans.i18n';
import { usePlansText } from './planText';

registerPlansMessages(i18n);

/** /training/plans: the development plans of the caller's agency subtree (HR, leaders). */
export default function PlansListPage() {
  const { tp, money } = usePlansText();
  const query = { limit: 500 };
  const plans = useQuery({ queryKey: plansKeys.list(query), queryFn: ({ signal }) => plansApi.list(query, signal) });
  return (
    <>
      <PageHeader title={tp('list.title')} />
      {plans.error && <QueryError error={plans.error} onRetry={plans.refetch} />}
      {plans.isPending && <Skeleton h={240} radius="md" />}
      {plans.data && plans.data.items.length === 0 && <Text c="dimmed">{tp('list.empty')}</Text>}
      {plans.data && plans.data.items.length > 0 && (
        <Paper withBorder radius="md" p="md">
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="plans-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{tp('list.person')}</Table.Th>
                  <Table.Th>{tp('list.agency')}</Table.Th>
                  <Table.Th>{tp('list.cycle')}</Table.Th>
                  <Table.Th>{tp('list.status')}</Table.Th>
                  <Table.Th ta="right">{tp('list.courses')}</Table.Th>
                  <Table.Th ta="right">{tp('list.cost')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plans.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/training/plans/${p.personId}`}>
                        {p.fullName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {p.staffCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>{p.agencyName}</Table.Td>
                    <Table.Td>{p.cycleName}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" tt="none">
                        {tp(`status.${p.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{p.courses}</Table.Td>
                    <Table.Td ta="right">{money(p.cost)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
