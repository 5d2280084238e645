import { useState } from 'react';
import { ActionIcon, Button, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { foldedFilter } from '../../../ui/foldText';
import { ApiErrorAlert } from './ApiErrorAlert';
import { vietnamDay, vietnamInstant, vietnamTime } from './format';
import { sessionsApi, sessionsKeys, type SessionDetail } from './sessionsApi';

interface MeetingDraft {
  key: string;
  id?: string;
  day: string;
  from: string;
  to: string;
  topic: string;
}

let keySeq = 0;
const nextKey = () => `m${++keySeq}`;

/** Plan a session (no `session`) or change one: dates, place, seats, window, cost, lecturers, meetings. */
export function SessionForm({ session, onDone }: { session: SessionDetail | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const courses = useQuery({ queryKey: sessionsKeys.courses, queryFn: ({ signal }) => sessionsApi.courses(signal), enabled: session === null });
  const lecturers = useQuery({
    queryKey: sessionsKeys.lecturers(session?.id ?? ''),
    queryFn: ({ signal }) => sessionsApi.lecturers(session!.id, signal),
    enabled: session !== null,
  });
  const [courseId, setCourseId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [startsOn, setStartsOn] = useState(session?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(session?.endsOn ?? '');
  const [place, setPlace] = useState(session?.place ?? '');
  const [onlineUrl, setOnlineUrl] = useState(session?.onlineUrl ?? '');
  const [seats, setSeats] = useState<number | string>(session?.seats ?? 20);
  const [enrolOpensOn, setEnrolOpensOn] = useState(session?.enrolOpensOn ?? '');
  const [enrolClosesOn, setEnrolClosesOn] = useState(session?.enrolClosesOn ?? '');
  const [cost, setCost] = useState<number | string>(session?.costPerSeat ?? '');
  const [lecturerIds, setLecturerIds] = useState<string[]>(session?.lecturers.map((l) => l.id) ?? []);
  const [meetings, setMeetings] = useState<MeetingDraft[]>(
    session?.meetings.map((m) => ({
      key: nextKey(),
      id: m.id,
      day: vietnamDay(String(m.startsAt)),
      from: vietnamTime(String(m.startsAt)),
      to: vietnamTime(String(m.endsAt)),
      topic: m.topic,
    })) ?? [],
  );
  const setMeeting = (key: string, change: Partial<MeetingDraft>) => setMeetings((list) => list.map((m) => (m.key === key ? { ...m, ...change } : m)));

  const fields = () => ({
    startsOn,
    endsOn,
    place,
    onlineUrl: onlineUrl.trim() === '' ? null : onlineUrl.trim(),
    seats: Number(seats),
    enrolOpensOn,
    enrolClosesOn,
    ...(cost === '' ? {} : { costPerSeat: Number(cost) }),
    meetings: meetings.map((m) => ({
      ...(m.id ? { id: m.id } : {}),
      startsAt: vietnamInstant(m.day, m.from),
      endsAt: vietnamInstant(m.day, m.to),
      topic: m.topic,
    })),
  });
  const save = useMutation({
    mutationFn: () =>
      session
        ? sessionsApi.update(session.id, { ...fields(), lecturerIds })
        : sessionsApi.create({ ...fields(), courseId: courseId!, code: code.trim(), lecturerIds: [] }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: sessionsKeys.all });
      onDone();
      if (!session) void navigate(`/training/sessions/${saved.id}`);
    },
  });
  const meetingsValid = meetings.every((m) => m.day && m.from && m.to);
  const ready =
    (session !== null || (courseId !== null && code.trim() !== '')) &&
    startsOn &&
    endsOn &&
    enrolOpensOn &&
    enrolClosesOn &&
    Number(seats) >= 1 &&
    meetingsValid;

  return (
    <Stack gap="sm" data-testid="session-form">
      {session === null && (
        <>
          <Select
            label={t('trainingSessions.course')}
            data={(courses.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${i18n.language === 'en' && c.titleEn ? c.titleEn : c.title}` }))}
            value={courseId}
            onChange={setCourseId}
            searchable
            filter={foldedFilter}
            required
            nothingFoundMessage={t('common.none')}
            data-testid="session-course"
          />
          <TextInput
            label={t('trainingSessions.code')}
            description={t('trainingSessions.codeHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            required
            data-testid="session-code"
          />
        </>
      )}
      <SimpleGrid cols={2}>
        {(
          [
            ['startsOn', startsOn, setStartsOn, 'session-starts'],
            ['endsOn', endsOn, setEndsOn, 'session-ends'],
            ['enrolOpensOn', enrolOpensOn, setEnrolOpensOn, 'session-opens'],
            ['enrolClosesOn', enrolClosesOn, setEnrolClosesOn, 'session-closes'],
          ] as const
        ).map(([field, value, set, testId]) => (
          <TextInput
            key={field}
            type="date"
            label={t(`trainingSessions.${field}`)}
            value={value}
            onChange={(e) => set(e.currentTarget.value)}
            required
            data-testid={testId}
          />
        ))}
        <NumberInput label={t('trainingSessions.seats')} value={seats} onChange={setSeats} min={1} required data-testid="session-seats" />
        <NumberInput
          label={t('trainingSessions.costPerSeat')}
          description={t('trainingSessions.costHint')}
          value={cost}
          onChange={setCost}
          min={0}
          thousandSeparator="."
          decimalSeparator=","
          data-testid="session-cost"
        />
      </SimpleGrid>
      <TextInput label={t('trainingSessions.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} data-testid="session-place" />
      <TextInput
        label={t('trainingSessions.onlineUrl')}
        value={onlineUrl}
        onChange={(e) => setOnlineUrl(e.currentTarget.value)}
        placeholder="https://"
        data-testid="session-url"
      />
      {session !== null && (
        <MultiSelect
          label={t('trainingSessions.lecturers')}
          data={(lecturers.data?.items ?? []).map((l) => ({ value: l.id, label: l.fullName }))}
          value={lecturerIds}
          onChange={setLecturerIds}
          searchable
          filter={foldedFilter}
          nothingFoundMessage={t('common.none')}
        />
      )}
      <Group justify="space-between">
        <Text fw={500}>{t('trainingSessions.meetings')}</Text>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => setMeetings((list) => [...list, { key: nextKey(), day: list.at(-1)?.day ?? startsOn, from: '08:00', to: '11:30', topic: '' }])}
          data-testid="meeting-add"
        >
          {t('trainingSessions.addMeeting')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('trainingSessions.meetingsHint')}
      </Text>
      {meetings.map((m, i) => (
        <Group key={m.key} gap="xs" align="flex-end" wrap="nowrap" data-testid={`meeting-${i}`}>
          <TextInput
            type="date"
            label={i === 0 ? t('trainingSessions.meetingDay') : undefined}
            aria-label={t('trainingSessions.meetingDay')}
            value={m.day}
            onChange={(e) => setMeeting(m.key, { day: e.currentTarget.value })}
          />
          <TextInput
            type="time"
            label={i === 0 ? t('trainingSessions.meetingFrom') : undefined}
            aria-label={t('trainingSessions.meetingFrom')}
            value={m.from}
            onChange={(e) => setMeeting(m.key, { from: e.currentTarget.value })}
            w={110}
          />
          <TextInput
            type="time"
            label={i === 0 ? t('trainingSessions.meetingTo') : undefined}
            aria-label={t('trainingSessions.meetingTo')}
            value={m.to}
            onChange={(e) => setMeeting(m.key, { to: e.currentTarget.value })}
            w={110}
          />
          <TextInput
            label={i === 0 ? t('trainingSessions.meetingTopic') : undefined}
            aria-label={t('trainingSessions.meetingTopic')}
            value={m.topic}
            onChange={(e) => setMeeting(m.key, { topic: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('trainingSessions.removeMeeting')}
            onClick={() => setMeetings((list) => list.filter((x) => x.key !== m.key))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <ApiErrorAlert error={save.error} />
      <Group justify="flex-end">
        <Button onClick={() => save.mutate()} disabled={!ready} loading={save.isPending} data-testid="session-save">
          {session ? t('trainingSessions.save') : t('trainingSessions.create')}
        </Button>
      </Group>
    </Stack>
  );
}
