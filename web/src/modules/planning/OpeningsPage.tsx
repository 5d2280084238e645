import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { useCurrentUser } from '../../auth/CurrentUser';
import { useFormat } from '../../format/useFormat';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { OpeningForm } from './OpeningForm';
import { planningApi, planningKeys, type Opening } from './planningApi';
import { usePlanningText } from './planningText';

const STATUS_COLOR = { proposed: 'blue', opened: 'green', withdrawn: 'gray' } as const;

/**
 * /planning/openings: the classes to open the caller's plans may choose (its subtree's and those of the agencies
 * above it), and, for HR, the form to declare one and the withdrawal (the routes' policy: HR and the national
 * administrator write, leaders read).
 */
export function OpeningsPage() {
  const { tp } = usePlanningText();
  const format = useFormat();
  const user = useCurrentUser();
  const canWrite = user.role === 'hr_officer' || user.role === 'national_admin';
  const openings = useQuery({ queryKey: planningKeys.openings, queryFn: ({ signal }) => planningApi.openings(signal) });
  const [withdrawing, setWithdrawing] = useState<Opening | null>(null);
  const items = openings.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={tp('openingsPage.title')}
        subtitle={tp('openingsPage.subtitle')}
        actions={
          <Anchor component={Link} to="/planning" data-testid="openings-back">
            {tp('openingsPage.back')}
          </Anchor>
        }
      />
      <Stack gap="md">
        {canWrite && <OpeningForm />}
        {openings.error && <QueryError error={openings.error} onRetry={openings.refetch} />}
        {openings.data && items.length === 0 && (
          <EmptyState title={tp('openingsPage.emptyTitle')} hint={tp(canWrite ? 'openingsPage.emptyHint' : 'openingsPage.emptyHintReader')} />
        )}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={860}>
            <Table striped data-testid="openings-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{tp('openingsPage.code')}</Table.Th>
                  <Table.Th>{tp('openingsPage.course')}</Table.Th>
                  <Table.Th>{tp('openingsPage.dates')}</Table.Th>
                  <Table.Th>{tp('openingsPage.seats')}</Table.Th>
                  <Table.Th>{tp('openingsPage.openingCost')}</Table.Th>
                  <Table.Th>{tp('openingsPage.costPerSeat')}</Table.Th>
                  <Table.Th>{tp('openingsPage.status')}</Table.Th>
                  {canWrite && <Table.Th>{tp('openingsPage.withdraw')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((o) => (
                  <Table.Tr key={o.id} data-testid={`opening-row-${o.code}`}>
                    <Table.Td>
                      {o.code}
                      <Text size="xs" c="dimmed">
                        {o.agencyName}
                      </Text>
                    </Table.Td>
                    <Table.Td>{o.courseTitle}</Table.Td>
                    <Table.Td>
                      {format.date(o.startsOn)} – {format.date(o.endsOn)}
                    </Table.Td>
                    <Table.Td>{tp('openingsPage.seatsCell', { seats: format.count(o.seats), minClass: format.count(o.minClass) })}</Table.Td>
                    <Table.Td>{format.dong(o.openingCost)}</Table.Td>
                    <Table.Td>{format.dong(o.costPerSeat)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS_COLOR[o.status]} data-testid="opening-status">
                        {tp(`openingsPage.statuses.${o.status}`)}
                      </Badge>
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        {o.status === 'proposed' && (
                          <Button
                            variant="subtle"
                            color="red"
                            size="compact-sm"
                            onClick={() => setWithdrawing(o)}
                            aria-label={tp('openingsPage.withdrawLabel', { code: o.code })}
                            data-testid="opening-withdraw"
                          >
                            {tp('openingsPage.withdraw')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {withdrawing && <WithdrawModal opening={withdrawing} onClose={() => setWithdrawing(null)} />}
    </>
  );
}

/** Withdrawal cannot be undone (a plan may no longer choose the class), so it is confirmed first. */
function WithdrawModal({ opening, onClose }: { opening: Opening; onClose: () => void }) {
  const { tp } = usePlanningText();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => planningApi.withdrawOpening(opening.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: planningKeys.all });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={tp('openingsPage.withdrawTitle', { code: opening.code })}>
      <Stack>
        <Text size="sm">{tp('openingsPage.withdrawBody')}</Text>
        {withdraw.error ? (
          // Not QueryError: its 404 page would replace the dialog; here the server's sentence is enough.
          <Alert color="red" data-testid="opening-withdraw-error">
            {isApiError(withdraw.error) ? withdraw.error.message : String(withdraw.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tp('openingsPage.keep')}
          </Button>
          <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate()} data-testid="opening-withdraw-confirm">
            {tp('openingsPage.withdrawConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
