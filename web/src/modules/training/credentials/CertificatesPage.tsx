import { useState } from 'react';
import { formatDate } from '../../../format/format';
import { Anchor, Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconFileTypePdf, IconJson, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../auth/CurrentUser';
import { PageHeader } from '../../../ui/PageHeader';
import { PageLoader } from '../../../ui/PageLoader';
import { QueryError } from '../../../ui/QueryError';
import { credentialsApi, credentialsKeys, type CredentialItem } from './credentialsApi';

const STATUS_COLOR = { pending: 'gray', issued: 'green', revoked: 'red' } as const;

/** "My certificates" and, for HR, leaders and institutions, the certificates they may read (revocable by the issuer). */
export default function CertificatesPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const readsOthers = user.role !== 'civil_servant' && user.role !== 'expert';
  const [mine, setMine] = useState(!readsOthers);
  const [revoking, setRevoking] = useState<CredentialItem | null>(null);
  const list = useQuery({ queryKey: credentialsKeys.list(mine), queryFn: ({ signal }) => credentialsApi.list(mine, signal) });
  const canRevoke = user.role === 'trainer' || user.role === 'national_admin';
  const date = formatDate;

  return (
    <>
      <PageHeader
        title={t('trainingCredentials.title')}
        subtitle={t('trainingCredentials.subtitle')}
        actions={
          <Button component={Link} to="/verify" variant="light" leftSection={<IconShieldCheck size={16} />}>
            {t('trainingCredentials.verifyLink')}
          </Button>
        }
      />
      {readsOthers && (
        <SegmentedControl
          mb="md"
          value={mine ? 'mine' : 'all'}
          onChange={(v) => setMine(v === 'mine')}
          data={[
            { value: 'all', label: t('trainingCredentials.scopeAll') },
            { value: 'mine', label: t('trainingCredentials.scopeMine') },
          ]}
        />
      )}
      {list.isLoading ? (
        <PageLoader />
      ) : list.error ? (
        <QueryError error={list.error} onRetry={list.refetch} />
      ) : list.data!.items.length === 0 ? (
        <Paper withBorder p="lg" data-testid="certificates-empty">
          <Text c="dimmed">{t('trainingCredentials.empty')}</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="certificates-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trainingCredentials.course')}</Table.Th>
                {!mine && <Table.Th>{t('trainingCredentials.person')}</Table.Th>}
                <Table.Th>{t('trainingCredentials.institution')}</Table.Th>
                <Table.Th>{t('trainingCredentials.completedOn')}</Table.Th>
                <Table.Th>{t('trainingCredentials.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data!.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text fw={500}>{i18n.language === 'en' && c.courseTitleEn ? c.courseTitleEn : c.courseTitle}</Text>
                    <Text size="xs" c="dimmed">
                      {c.courseCode}
                    </Text>
                  </Table.Td>
                  {!mine && <Table.Td>{c.personName}</Table.Td>}
                  <Table.Td>{c.institutionName}</Table.Td>
                  <Table.Td>{date(String(c.completedAt))}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[c.status]} variant="light">
                      {t(`trainingCredentials.statuses.${c.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {c.status !== 'pending' && (
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="default" component="a" href={credentialsApi.jsonUrl(c.id)} download leftSection={<IconJson size={14} />}>
                          JSON
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          component="a"
                          href={credentialsApi.pdfUrl(c.id)}
                          target="_blank"
                          rel="noopener"
                          leftSection={<IconFileTypePdf size={14} />}
                        >
                          PDF
                        </Button>
                        <Anchor component={Link} to={`/verify/${c.id}`} size="sm">
                          {t('trainingCredentials.verify')}
                        </Anchor>
                        {canRevoke && c.status === 'issued' && (
                          <Button size="xs" color="red" variant="subtle" onClick={() => setRevoking(c)}>
                            {t('trainingCredentials.revoke')}
                          </Button>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {revoking && <RevokeModal credential={revoking} onClose={() => setRevoking(null)} />}
    </>
  );
}

function RevokeModal({ credential, onClose }: { credential: CredentialItem; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const revoke = useMutation({
    mutationFn: () => credentialsApi.revoke(credential.id, reason),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: credentialsKeys.all });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('trainingCredentials.revokeTitle', { person: credential.personName })}>
      <Stack>
        <Textarea
          label={t('trainingCredentials.revokeReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          minRows={3}
          maxLength={1000}
          required
          data-testid="revoke-reason"
        />
        {revoke.error && <QueryError error={revoke.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('trainingCredentials.cancel')}
          </Button>
          <Button color="red" loading={revoke.isPending} disabled={reason.trim().length < 3} onClick={() => revoke.mutate()} data-testid="revoke-confirm">
            {t('trainingCredentials.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
