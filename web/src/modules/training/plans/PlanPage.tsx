import { useState } from 'react';
import { Alert, Badge, Button, Group, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import i18n from '../../../i18n';
import { useCurrentUser } from '../../../auth/CurrentUser';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { PlanCourseCard } from './PlanCourseCard';
import { plansApi, plansKeys, type PersonPlan } from './plansApi';
import { registerPlansMessages } from './plans.i18n';
import { usePlansText } from './planText';

registerPlansMessages(i18n);

type Choice = Map<string, string | null>;
const choiceOf = (plan: PersonPlan['plan']): Choice => new Map((plan?.items ?? []).map((i) => [i.courseId, i.sessionId]));

/**
 * /training/plan (my own) and /training/plans/:personId (a leader's or HR's view):
 * the courses recommended to close the person's largest gaps, each with why;
 * the person chooses and sends, the leader approves (possibly changed) or returns.
 */
export default function PlanPage() {
  const { tp } = usePlansText();
  const user = useCurrentUser();
  const params = useParams();
  const personId = params.personId ?? user.personId;
  const queryClient = useQueryClient();
  const plan = useQuery({ queryKey: plansKeys.person(personId ?? ''), queryFn: ({ signal }) => plansApi.person(personId!, signal), enabled: !!personId });
  const [choice, setChoice] = useState<Choice | null>(null);
  const [note, setNote] = useState('');
  const refresh = async (data: PersonPlan) => {
    queryClient.setQueryData(plansKeys.person(personId!), data);
    setChoice(null);
    await queryClient.invalidateQueries({ queryKey: plansKeys.all });
  };
  const items = (c: Choice) => [...c].map(([courseId, sessionId]) => ({ courseId, sessionId }));
  const save = useMutation({ mutationFn: (c: Choice) => plansApi.choose(personId!, items(c)), onSuccess: refresh });
  const submit = useMutation({ mutationFn: (id: string) => plansApi.submit(id), onSuccess: refresh });
  const decide = useMutation({
    mutationFn: (d: { id: string; decision: 'approve' | 'return'; changed: Choice | null }) =>
      plansApi.decide(d.id, { decision: d.decision, note: note.trim() || undefined, items: d.changed ? items(d.changed) : undefined }),
    onSuccess: refresh,
  });

  if (!personId) return <Text c="dimmed">{tp('noStaffRecord')}</Text>;
  const data = plan.data;
  const current = choice ?? choiceOf(data?.plan ?? null);
  const editable = !!data && (data.canChoose || data.canDecide);
  const edit = (f: (c: Choice) => void) => {
    const next = new Map(current);
    f(next);
    setChoice(next);
  };
  // The courses shown: those in the plan first, then the recommendations not in it.
  const shown = data ? [...(data.plan?.items ?? []), ...data.recommendations.filter((r) => !data.plan?.items.some((i) => i.courseId === r.courseId))] : [];
  const error = save.error ?? submit.error ?? decide.error;

  return (
    <>
      <PageHeader
        title={data && params.personId ? `${tp('title')}: ${data.person.fullName}` : tp('title')}
        subtitle={data?.cycle ? tp('subtitle', { cycle: data.cycle.name }) : undefined}
      />
      {plan.error && <QueryError error={plan.error} onRetry={plan.refetch} />}
      {plan.isPending && <Skeleton h={320} radius="md" />}
      {data && !data.cycle && <Alert color="gray">{tp('noResults')}</Alert>}
      {data?.cycle && (
        <Stack gap="md">
          <Group gap="sm">
            <Badge size="lg" variant="light" tt="none" data-testid="plan-status">
              {tp(`status.${data.plan?.status ?? 'none'}`)}
            </Badge>
            {data.plan?.leaderNote && (
              <Text size="sm">
                {tp('note')}: {data.plan.leaderNote}
              </Text>
            )}
          </Group>
          {shown.length === 0 && <Alert color="gray">{tp('noRecommendations')}</Alert>}
          {error && <QueryError error={error} />}
          <Title order={3}>{data.plan?.items.length ? tp('inPlan') : tp('recommended')}</Title>
          {shown.map((item) => (
            <PlanCourseCard
              key={item.courseId}
              item={item}
              choice={
                editable
                  ? {
                      chosen: current.has(item.courseId),
                      sessionId: current.get(item.courseId) ?? null,
                      onToggle: () => edit((c) => (c.has(item.courseId) ? c.delete(item.courseId) : c.set(item.courseId, null))),
                      onSession: (id) => edit((c) => c.set(item.courseId, id)),
                    }
                  : undefined
              }
            />
          ))}
          {data.canChoose && (
            <Group>
              <Button variant="default" loading={save.isPending} onClick={() => save.mutate(current)}>
                {tp('save')}
              </Button>
              {data.plan && choice === null && data.plan.items.length > 0 && (
                <Button loading={submit.isPending} onClick={() => submit.mutate(data.plan!.id)}>
                  {tp('submit')}
                </Button>
              )}
            </Group>
          )}
          {data.canDecide && data.plan && (
            <Stack gap="sm" maw={640}>
              <Textarea label={tp('note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
              <Group>
                <Button loading={decide.isPending} onClick={() => decide.mutate({ id: data.plan!.id, decision: 'approve', changed: choice })}>
                  {tp('approve')}
                </Button>
                <Button variant="default" loading={decide.isPending} onClick={() => decide.mutate({ id: data.plan!.id, decision: 'return', changed: null })}>
                  {tp('return')}
                </Button>
              </Group>
            </Stack>
          )}
          {save.isSuccess && choice === null && (
            <Text size="sm" c="green">
              {tp('saved')}
            </Text>
          )}
        </Stack>
      )}
    </>
  );
}
