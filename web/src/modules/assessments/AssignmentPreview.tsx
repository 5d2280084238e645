import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AssignmentPreviewAnswer } from './assessmentApi';

/** What bulk assignment would create, with who cannot sign in, before any form exists. */
export function AssignmentPreview({
  preview,
  onConfirm,
  onCancel,
  pending,
}: {
  preview: AssignmentPreviewAnswer;
  onConfirm: () => void;
  onCancel: () => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const sources = ['self', 'leader', 'peer', 'subordinate'] as const;
  return (
    <Card withBorder data-testid="assign-preview">
      <Title order={4} mb="xs">
        {t('raters.previewTitle')}
      </Title>
      {preview.subjects === 0 ? (
        <Text size="sm">{t('raters.nothing')}</Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" data-testid="assign-preview-counts">
            {t('raters.subjects', { count: preview.subjects })} · {t('raters.forms', { count: preview.forms })}
          </Text>
          <Text size="sm" c="dimmed">
            {sources.map((s) => `${t(`assessment.sources.${s}`)}: ${preview.bySource[s]}`).join(' · ')}
          </Text>
          {preview.withoutLeader > 0 && <Text size="sm">{t('raters.withoutLeader', { count: preview.withoutLeader })}</Text>}
          {preview.cannotSignIn.length > 0 && (
            <Alert color="orange" title={t('raters.cannotSignIn', { count: preview.cannotSignIn.length })} data-testid="cannot-sign-in">
              <Text size="sm" mb={4}>
                {t('raters.cannotSignInHint')}{' '}
                <Anchor component={Link} to="/accounts">
                  {t('raters.toAccounts')}
                </Anchor>
              </Text>
              <List size="sm">
                {preview.cannotSignIn.map((p) => (
                  <List.Item key={p.personId}>
                    {p.fullName} ({p.staffCode}) — {t(`raters.reasons.${p.reason}`)}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
      )}
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onCancel}>
          {t('common.close')}
        </Button>
        {preview.subjects > 0 && (
          <Button onClick={onConfirm} loading={pending} data-testid="assign-confirm">
            {t('raters.confirmAssign', { count: preview.forms })}
          </Button>
        )}
      </Group>
    </Card>
  );
}
