import { useState } from 'react';
import { Alert, Badge, Button, Group, List, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { needsApi, needsKeys } from '../../needs/needsApi';
import { ApiErrorAlert } from './ApiErrorAlert';
import { sessionsApi, sessionsKeys, type GroupEnrolment, type GroupSelection, type SessionDetail } from './sessionsApi';

type Member = GroupEnrolment['seats'][number];

/** HR enrols a needs target group in one step: choose the cycle and group, read the preview, confirm. */
export function GroupEnrolmentModal({ session, opened, onClose }: { session: SessionDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const [cycleId, setCycleId] = useState<string | null>(null);
  const [groupKey, setGroupKey] = useState<string | null>(null);
  const cycles = useQuery({ queryKey: needsKeys.cycles(), queryFn: ({ signal }) => needsApi.cycles(signal), enabled: opened });
  const groups = useQuery({
    queryKey: needsKeys.targetGroups(cycleId ?? '', undefined),
    queryFn: ({ signal }) => needsApi.targetGroups(cycleId!, undefined, signal),
    enabled: opened && cycleId !== null,
  });
  const selection: GroupSelection | null = cycleId && groupKey ? { cycleId, groupKey } : null;
  const preview = useMutation({ mutationFn: (body: GroupSelection) => sessionsApi.groupPreview(session.id, body) });
  const confirm = useMutation({
    mutationFn: (body: GroupSelection) => sessionsApi.groupEnrol(session.id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKeys.all }),
  });
  const shown = confirm.data ?? preview.data;
  const close = () => {
    preview.reset();
    confirm.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('trainingSessions.groupEnrol.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Select
          label={t('trainingSessions.groupEnrol.cycle')}
          value={cycleId}
          onChange={(v) => {
            setCycleId(v);
            setGroupKey(null);
            preview.reset();
          }}
          data={(cycles.data?.items ?? []).map((c) => ({ value: c.id, label: lang === 'en' && c.nameEn ? c.nameEn : c.name }))}
          data-testid="group-cycle"
        />
        <Select
          label={t('trainingSessions.groupEnrol.group')}
          value={groupKey}
          disabled={!cycleId}
          onChange={(v) => {
            setGroupKey(v);
            preview.reset();
          }}
          data={(groups.data?.items ?? []).map((g) => ({
            value: g.key,
            label: t('trainingSessions.groupEnrol.groupLabel', { signature: g.signature.join(' + '), count: g.size }),
          }))}
          data-testid="group-key"
        />
        <Group>
          <Button
            variant="light"
            disabled={!selection || confirm.isSuccess}
            loading={preview.isPending}
            onClick={() => selection && preview.mutate(selection)}
            data-testid="group-preview"
          >
            {t('trainingSessions.groupEnrol.preview')}
          </Button>
          <Button
            disabled={!selection || !preview.data || confirm.isSuccess}
            loading={confirm.isPending}
            onClick={() => selection && confirm.mutate(selection)}
            data-testid="group-confirm"
          >
            {t('trainingSessions.groupEnrol.confirm')}
          </Button>
        </Group>
        <ApiErrorAlert error={preview.error ?? confirm.error} />
        {confirm.isSuccess && (
          <Alert color="green" data-testid="group-done">
            {t('trainingSessions.groupEnrol.done', { seats: confirm.data.seats.length, waiting: confirm.data.waitlist.length })}
          </Alert>
        )}
        {shown && (
          <Stack gap="xs" data-testid="group-result">
            <MemberList title={t('trainingSessions.groupEnrol.seats', { count: shown.seats.length })} members={shown.seats} testId="group-seats" />
            <MemberList title={t('trainingSessions.groupEnrol.waitlist', { count: shown.waitlist.length })} members={shown.waitlist} testId="group-waitlist" />
            <Title order={6}>{t('trainingSessions.groupEnrol.refused', { count: shown.refused.length })}</Title>
            <List size="sm" data-testid="group-refused">
              {shown.refused.map((r, i) => (
                <List.Item key={r.personId ?? `unnamed-${i}`}>
                  <MemberName member={r} /> —{' '}
                  <Badge variant="light" color="gray" size="sm">
                    {t(`trainingSessions.groupEnrol.reasons.${r.reason}`, { code: r.sessionCode ?? '' })}
                  </Badge>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}

function MemberName({ member }: { member: Member }) {
  const { t } = useTranslation();
  return member.fullName ? (
    <>
      {member.fullName} · {member.staffCode}
    </>
  ) : (
    <Text span c="dimmed">
      {t('trainingSessions.groupEnrol.unnamed')}
    </Text>
  );
}

function MemberList({ title, members, testId }: { title: string; members: Member[]; testId: string }) {
  return (
    <>
      <Title order={6}>{title}</Title>
      <List size="sm" data-testid={testId}>
        {members.map((m, i) => (
          <List.Item key={m.personId ?? i}>
            <MemberName member={m} />
          </List.Item>
        ))}
      </List>
    </>
  );
}
