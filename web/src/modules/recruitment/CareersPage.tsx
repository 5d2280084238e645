import { useState } from 'react';
import { Alert, Anchor, Button, Container, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import i18n from '../../i18n';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { PageLoader } from '../../ui/PageLoader';
import { QueryError } from '../../ui/QueryError';
import { useFormErrors } from '../../ui/useFormErrors';
import { registerRecruitmentMessages } from './recruitment.i18n';
import { CampaignSummary } from './CampaignPage';
import { recruitmentApi, recruitmentKeys } from './recruitmentApi';
import { useRecruitmentText } from './recruitmentText';

registerRecruitmentMessages(i18n);

/**
 * The public notice board (no sign-in): published campaigns, each notice with its PDF, and the candidate's
 * sign-up. Nothing personal is shown here: the API answers only what a notice board would.
 */
export default function CareersPage() {
  const { tr } = useRecruitmentText();
  const { id } = useParams();
  const { pathname } = useLocation();
  const signUp = pathname.replace(/\/$/, '') === '/careers/sign-up';
  return (
    <Container size="md" py="xl" component="main">
      <Group justify="space-between" mb="lg">
        <Title order={1} size="h2">
          {signUp ? tr('signUp') : tr('publicTitle')}
        </Title>
        <LanguageSwitch />
      </Group>
      {signUp ? <SignUpForm /> : id ? <Notice id={id} /> : <Board />}
    </Container>
  );
}

function Board() {
  const { tr, when } = useRecruitmentText();
  const board = useQuery({ queryKey: recruitmentKeys.public, queryFn: ({ signal }) => recruitmentApi.publicCampaigns(signal) });
  if (board.isLoading) return <PageLoader />;
  if (board.error) return <QueryError error={board.error} onRetry={board.refetch} />;
  return (
    <Stack gap="sm" data-testid="careers-board">
      {board.data!.items.length === 0 && <Text c="dimmed">{tr('noNotices')}</Text>}
      {board.data!.items.map((c) => (
        <Paper key={c.id} withBorder p="md">
          <Anchor component={Link} to={`/careers/${c.id}`} fw={600}>
            {c.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {c.code} · {c.agencyName} · {tr('posts')}: {c.posts} · {tr('closesAt')}: {when(c.applicationsCloseAt)}
          </Text>
        </Paper>
      ))}
      <Group>
        <Button component={Link} to="/careers/sign-up" variant="default">
          {tr('signUp')}
        </Button>
        <Button component={Link} to="/">
          {tr('signIn')}
        </Button>
      </Group>
    </Stack>
  );
}

function Notice({ id }: { id: string }) {
  const { tr, when } = useRecruitmentText();
  const notice = useQuery({ queryKey: recruitmentKeys.publicCampaign(id), queryFn: ({ signal }) => recruitmentApi.publicCampaign(id, signal) });
  if (notice.isLoading) return <PageLoader />;
  if (notice.error) return <QueryError error={notice.error} onRetry={notice.refetch} />;
  const c = notice.data!;
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {c.title}
      </Title>
      <Text c="dimmed">
        {c.code} · {c.agencyName} · {tr('window')}: {when(c.applicationsOpenAt)} – {when(c.applicationsCloseAt)}
      </Text>
      <CampaignSummary campaign={c} />
      <Group>
        <Button component="a" variant="default" href={recruitmentApi.noticePdfUrl(c.id, true)} target="_blank" rel="noopener">
          {tr('noticePdf')}
        </Button>
        <Button component={Link} to={`/recruitment/apply/${c.id}`} data-testid="careers-apply">
          {tr('apply')}
        </Button>
        <Anchor component={Link} to={`/careers/sign-up?campaign=${c.id}`} data-testid="careers-sign-up">
          {tr('signUpToApply')}
        </Anchor>
        <Anchor component={Link} to="/careers">
          {tr('back')}
        </Anchor>
      </Group>
    </Stack>
  );
}

function SignUpForm() {
  const { tr } = useRecruitmentText();
  const [form, setForm] = useState({ username: '', password: '', fullName: '', email: '', phone: '', dateOfBirth: '', identityNumber: '' });
  // From a notice's link: the account belongs to that campaign's agency (candidates.service.ts signUp).
  const campaignId = useSearchParams()[0].get('campaign') ?? undefined;
  const submit = useMutation({
    mutationFn: () =>
      recruitmentApi.signUp({
        ...form,
        phone: form.phone || null,
        dateOfBirth: form.dateOfBirth || null,
        identityNumber: form.identityNumber || null,
        ...(campaignId ? { campaignId } : {}),
      }),
  });
  // The API names the field of each refusal (a name taken, a password too short, an identity number not 12 digits).
  const { errorFor, general } = useFormErrors(submit.error, form);
  const optional: ReadonlyArray<keyof typeof form> = ['phone', 'dateOfBirth', 'identityNumber'];
  const field = (key: keyof typeof form, label: string, type = 'text') =>
    key === 'password' ? (
      <PasswordInput
        label={label}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
        required
        error={errorFor(key, label)}
        data-testid={`sign-up-${key}`}
      />
    ) : (
      <TextInput
        type={type}
        label={label}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
        required={!optional.includes(key)}
        error={errorFor(key, label)}
        data-testid={`sign-up-${key}`}
      />
    );
  if (submit.isSuccess)
    return (
      <Alert color="green" data-testid="sign-up-done">
        {tr('signUpDone')}{' '}
        <Anchor component={Link} to="/">
          {tr('signIn')}
        </Anchor>
      </Alert>
    );
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Text size="sm">{tr('signUpHint')}</Text>
        {field('fullName', tr('fullName'))}
        {field('email', tr('email'), 'email')}
        {field('phone', tr('phone'), 'tel')}
        {field('dateOfBirth', tr('dateOfBirth'), 'date')}
        {field('identityNumber', tr('identityNumber'))}
        {field('username', tr('username'))}
        {field('password', tr('password'))}
        {general && (
          <Alert color="red" data-testid="recruitment-error">
            {general}
          </Alert>
        )}
        <Group>
          <Button onClick={() => submit.mutate()} loading={submit.isPending} data-testid="sign-up-submit">
            {tr('signUp')}
          </Button>
          <Anchor component={Link} to="/careers">
            {tr('back')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
