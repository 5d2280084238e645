import { Badge, Checkbox, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import type { PlanCourse } from './plansApi';
import { usePlansText } from './planText';

interface Props {
  item: PlanCourse & { addedBy?: 'person' | 'leader' };
  /** Present when the viewer may choose: whether this course is chosen, and with which session. */
  choice?: { chosen: boolean; sessionId: string | null; onToggle: () => void; onSession: (id: string | null) => void };
}

/** One course with why it is there (the gaps it closes) and its next sessions. */
export function PlanCourseCard({ item, choice }: Props) {
  const { tp, date, money, level, name } = usePlansText();
  const { course } = item;
  return (
    <Paper withBorder radius="md" p="md" data-testid="plan-course">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text fw={600}>
              {course.code} · {course.title}
            </Text>
            <Text size="sm" c="dimmed">
              {course.institutionName} · {tp('hours', { hours: level(course.hours) })} · {tp('cost', { cost: money(course.costPerSeat) })}
            </Text>
          </Stack>
          <Group gap="xs">
            {item.addedBy && (
              <Badge variant="light" tt="none">
                {tp(`addedBy.${item.addedBy}`)}
              </Badge>
            )}
            {choice && <Checkbox label={choice.chosen ? tp('chosen') : tp('choose')} checked={choice.chosen} onChange={choice.onToggle} />}
          </Group>
        </Group>
        <Text size="sm" fw={500}>
          {tp('why')} — {tp('benefit', { benefit: level(item.benefit) })}
        </Text>
        <Stack gap={2} component="ul" m={0} pl="md">
          {item.reasons.map((r) => (
            <Text size="sm" component="li" key={r.competency}>
              {tp('reason', {
                name: name(r),
                assessed: level(r.assessedLevel),
                reached: level(r.assessedLevel + r.levels),
                required: level(r.requiredLevel),
                criticality: r.criticality,
              })}
            </Text>
          ))}
        </Stack>
        <Text size="sm" fw={500}>
          {tp('nextSessions')}
        </Text>
        {item.sessions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {tp('noSessions')}
          </Text>
        ) : choice?.chosen ? (
          <Radio.Group value={choice.sessionId ?? ''} onChange={(v) => choice.onSession(v || null)}>
            <Stack gap={4}>
              <Radio value="" label={tp('noSession')} />
              {item.sessions.map((s) => (
                <Radio
                  key={s.id}
                  value={s.id}
                  label={tp('session', {
                    code: s.code,
                    from: date(s.startsOn),
                    to: date(s.endsOn),
                    place: s.place || '—',
                    seats: s.seatsLeft,
                    closes: date(s.enrolClosesOn),
                  })}
                />
              ))}
            </Stack>
          </Radio.Group>
        ) : (
          <Stack gap={2}>
            {item.sessions.map((s) => (
              <Text size="sm" key={s.id}>
                {tp('session', {
                  code: s.code,
                  from: date(s.startsOn),
                  to: date(s.endsOn),
                  place: s.place || '—',
                  seats: s.seatsLeft,
                  closes: date(s.enrolClosesOn),
                })}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
