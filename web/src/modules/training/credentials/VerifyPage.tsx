import { useState } from 'react';
import { formatDate } from '../../../format/format';
import { Alert, Anchor, Badge, Button, Container, FileButton, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconShieldCheck, IconShieldX, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LanguageSwitch } from '../../../app/LanguageSwitch';
import { QueryError } from '../../../ui/QueryError';
import { PageLoader } from '../../../ui/PageLoader';
import { credentialsApi, credentialsKeys, type Verification } from './credentialsApi';

/**
 * The public verification page (no sign-in): /verify/:id shows a shared certificate as our verifier finds
 * it now; /verify (and the same page) checks a pasted or uploaded credential file. Everything shown is
 * what the signed credential itself says, rendered as text.
 */
export default function VerifyPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  return (
    <Container size="sm" py="xl">
      <Group justify="space-between" mb="lg">
        <Title order={1} size="h2">
          {t('trainingVerify.title')}
        </Title>
        <LanguageSwitch />
      </Group>
      <Stack gap="lg">
        {id && <SharedCredential id={id} />}
        <PasteBox />
      </Stack>
    </Container>
  );
}

function SharedCredential({ id }: { id: string }) {
  const view = useQuery({ queryKey: credentialsKeys.publicView(id), queryFn: ({ signal }) => credentialsApi.publicView(id, signal) });
  if (view.isLoading) return <PageLoader />;
  if (view.error) return <QueryError error={view.error} onRetry={view.refetch} />;
  return <Outcome result={view.data!} />;
}

function PasteBox() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const check = useMutation({ mutationFn: (credential: string) => credentialsApi.verify(credential) });
  const upload = async (file: File | null) => {
    if (!file) return;
    const content = await file.text();
    setText(content);
    check.mutate(content);
  };
  return (
    <Paper withBorder p="md">
      <Stack>
        <Text fw={600}>{t('trainingVerify.pasteTitle')}</Text>
        <Textarea
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          minRows={6}
          autosize
          maxRows={14}
          placeholder={t('trainingVerify.pastePlaceholder')}
          data-testid="verify-paste"
        />
        <Group>
          <Button onClick={() => check.mutate(text)} disabled={text.trim() === ''} loading={check.isPending} data-testid="verify-submit">
            {t('trainingVerify.check')}
          </Button>
          <FileButton onChange={(f) => void upload(f)} accept="application/json,application/ld+json,.json,.jsonld">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconUpload size={16} />}>
                {t('trainingVerify.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
        {check.error && <QueryError error={check.error} />}
        {check.data && <Outcome result={check.data} />}
      </Stack>
    </Paper>
  );
}

const COLORS = { genuine: 'green', revoked: 'orange', tampered: 'red', invalid: 'red' } as const;

function Outcome({ result }: { result: Verification }) {
  const { t } = useTranslation();
  const c = result.credential;
  const date = (value: string | null | undefined) => (value ? formatDate(value) : '');
  return (
    <Paper withBorder p="md" data-testid="verify-outcome" data-status={result.status}>
      <Alert
        color={COLORS[result.status]}
        icon={result.status === 'genuine' ? <IconShieldCheck /> : <IconShieldX />}
        title={t(`trainingVerify.statuses.${result.status}`)}
        mb="md"
      >
        {result.reasons.map((r) => (
          <Text key={r.code} size="sm">
            {r.message}
          </Text>
        ))}
        {result.revokedAt && <Text size="sm">{t('trainingVerify.revokedOn', { date: date(String(result.revokedAt)) })}</Text>}
      </Alert>
      {c && (
        <Stack gap={6}>
          <Text>
            <b>{t('trainingVerify.person')}:</b> {c.personName}
          </Text>
          <Text>
            <b>{t('trainingVerify.course')}:</b> {c.courseName} {c.courseCode && <Badge variant="light">{c.courseCode}</Badge>}
          </Text>
          <Text>
            <b>{t('trainingVerify.issuer')}:</b> {c.issuerName}
          </Text>
          <Text>
            <b>{t('trainingVerify.date')}:</b> {date(c.validFrom)}
          </Text>
          {c.competencies.length > 0 && (
            <>
              <Text fw={700}>{t('trainingVerify.competencies')}</Text>
              <List size="sm">
                {c.competencies.map((k) => (
                  <List.Item key={k.code + k.name}>
                    {k.code} — {k.name}{' '}
                    {/^https:\/\//.test(k.url) && (
                      <Anchor href={k.url} size="xs" target="_blank" rel="noopener noreferrer">
                        CASE
                      </Anchor>
                    )}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          <Text size="xs" c="dimmed">
            {t('trainingVerify.idLabel')}: {c.id}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
