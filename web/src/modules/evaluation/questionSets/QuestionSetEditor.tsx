import { useState } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Group, Modal, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useFormErrors } from '../../../ui/useFormErrors';
import { DEFAULT_SCALE, questionSetKeys, questionSetsApi, type QuestionInput, type QuestionSet } from './questionSetsApi';
import { useQuestionSetsText } from './questionSetsText';

interface Draft {
  kind: 'scale' | 'text';
  text: string;
  textEn: string;
  points: Array<{ label: string; labelEn: string }>;
}

const blank = (): Draft => ({ kind: 'scale', text: '', textEn: '', points: DEFAULT_SCALE.map((p) => ({ ...p })) });

const draftOf = (q: QuestionSet['questions'][number]): Draft => ({
  kind: q.kind,
  text: q.text,
  textEn: q.textEn,
  points: q.kind === 'scale' ? q.points.map((p) => ({ ...p })) : DEFAULT_SCALE.map((p) => ({ ...p })),
});

/** What the API takes: an empty English text is left out, a free-text question has no points. */
function inputOf(d: Draft): QuestionInput {
  const en = d.textEn.trim() ? { textEn: d.textEn } : {};
  return d.kind === 'text'
    ? { kind: 'text', text: d.text, ...en }
    : { kind: 'scale', text: d.text, ...en, points: d.points.map((p) => ({ label: p.label, ...(p.labelEn.trim() ? { labelEn: p.labelEn } : {}) })) };
}

/**
 * A question set made or changed: its name, its course (when new), and its
 * questions (a scale with a label per point, or free text), each in Vietnamese
 * and optionally English. A refusal is shown beside the field it names.
 */
export function QuestionSetEditor({ set, onClose, onSaved }: { set: QuestionSet | null; onClose: () => void; onSaved: () => void }) {
  const { tq, pick } = useQuestionSetsText();
  const [title, setTitle] = useState(set?.title ?? '');
  const [courseId, setCourseId] = useState<string | null>(set?.courseId ?? null);
  const [active, setActive] = useState(set?.active ?? true);
  const [questions, setQuestions] = useState<Draft[]>(set ? set.questions.map(draftOf) : [blank()]);
  const locked = set?.inUse ?? false;
  const courses = useQuery({ queryKey: questionSetKeys.courses, queryFn: ({ signal }) => questionSetsApi.courses(signal), enabled: !set });

  const save = useMutation({
    mutationFn: () => {
      const body = questions.map(inputOf);
      if (!set) return questionSetsApi.create({ title, ...(courseId ? { courseId } : {}), questions: body });
      return questionSetsApi.update(set.id, { title, active, ...(locked ? {} : { questions: body }) });
    },
    onSuccess: onSaved,
  });

  // Every field by the path the API names it with (questions.0.points.2.label), so its refusal lands beside it:
  // the narrower paths first, as a refusal goes to the first field whose path starts its own.
  const values: Record<string, unknown> = { title, courseId };
  questions.forEach((q, i) => {
    q.points.forEach((p, j) => {
      values[`questions.${i}.points.${j}.label`] = p.label;
      values[`questions.${i}.points.${j}.labelEn`] = p.labelEn;
    });
    values[`questions.${i}.text`] = q.text;
    values[`questions.${i}.textEn`] = q.textEn;
    values[`questions.${i}.points`] = q.points.length;
  });
  values.questions = questions.length;
  const { errorFor, general } = useFormErrors(save.error, values);

  const change = (i: number, patch: Partial<Draft>) => setQuestions((qs) => qs.map((q, k) => (k === i ? { ...q, ...patch } : q)));
  const changePoint = (i: number, j: number, patch: Partial<Draft['points'][number]>) =>
    change(i, { points: questions[i]!.points.map((p, k) => (k === j ? { ...p, ...patch } : p)) });
  const moveUp = (i: number) => setQuestions((qs) => qs.map((q, k) => (k === i - 1 ? qs[i]! : k === i ? qs[i - 1]! : q)));

  return (
    <Modal opened onClose={onClose} title={set ? set.title : tq('create')} size="xl" data-testid="question-set-editor">
      <Stack gap="sm">
        <TextInput
          label={tq('setTitle')}
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errorFor('title', tq('setTitle'))}
        />
        {!set && (
          <Select
            label={tq('course')}
            placeholder={tq('coursePlaceholder')}
            required
            searchable
            value={courseId}
            onChange={setCourseId}
            data={(courses.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${pick(c.title, c.titleEn)}` }))}
            error={errorFor('courseId', tq('course'))}
            data-testid="question-set-course"
          />
        )}
        {set && <Checkbox label={tq('activeLabel')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />}
        {locked && (
          <Alert color="gray" data-testid="question-set-locked">
            {tq('inUse')}
          </Alert>
        )}
        {questions.map((q, i) => (
          <Paper key={i} withBorder p="sm" radius="sm" data-testid="question-draft">
            <Group justify="space-between" mb="xs">
              <Text fw={500}>{tq('question', { n: i + 1 })}</Text>
              {!locked && (
                <Group gap={4}>
                  {i > 0 && (
                    <ActionIcon variant="subtle" aria-label={tq('moveUp', { n: i + 1 })} onClick={() => moveUp(i)}>
                      <IconArrowUp size={16} />
                    </ActionIcon>
                  )}
                  {questions.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={tq('removeQuestion', { n: i + 1 })}
                      onClick={() => setQuestions((qs) => qs.filter((_, k) => k !== i))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Group>
              )}
            </Group>
            <Stack gap="xs">
              <SegmentedControl
                aria-label={tq('kind')}
                disabled={locked}
                value={q.kind}
                onChange={(kind) => change(i, { kind: kind as Draft['kind'] })}
                data={(['scale', 'text'] as const).map((k) => ({ value: k, label: tq(`kinds.${k}`) }))}
              />
              <TextInput
                label={tq('text')}
                required
                disabled={locked}
                maxLength={500}
                value={q.text}
                onChange={(e) => change(i, { text: e.currentTarget.value })}
                error={errorFor(`questions.${i}.text`, tq('text'))}
              />
              <TextInput
                label={tq('textEn')}
                disabled={locked}
                maxLength={500}
                value={q.textEn}
                onChange={(e) => change(i, { textEn: e.currentTarget.value })}
                error={errorFor(`questions.${i}.textEn`, tq('textEn'))}
              />
              {q.kind === 'scale' && (
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    {tq('points')}
                  </Text>
                  {errorFor(`questions.${i}.points`) && (
                    <Text size="sm" c="red">
                      {errorFor(`questions.${i}.points`, tq('points'))}
                    </Text>
                  )}
                  {q.points.map((p, j) => (
                    <Group key={j} gap="xs" align="flex-start" wrap="nowrap">
                      <TextInput
                        style={{ flex: 1 }}
                        label={tq('point', { n: j + 1 })}
                        required
                        disabled={locked}
                        maxLength={100}
                        value={p.label}
                        onChange={(e) => changePoint(i, j, { label: e.currentTarget.value })}
                        error={errorFor(`questions.${i}.points.${j}.label`, tq('point', { n: j + 1 }))}
                      />
                      <TextInput
                        style={{ flex: 1 }}
                        label={tq('pointEn', { n: j + 1 })}
                        disabled={locked}
                        maxLength={100}
                        value={p.labelEn}
                        onChange={(e) => changePoint(i, j, { labelEn: e.currentTarget.value })}
                        error={errorFor(`questions.${i}.points.${j}.labelEn`, tq('pointEn', { n: j + 1 }))}
                      />
                      {!locked && q.points.length > 2 && (
                        <ActionIcon
                          mt={28}
                          variant="subtle"
                          color="red"
                          aria-label={tq('removePoint', { n: j + 1 })}
                          onClick={() => change(i, { points: q.points.filter((_, k) => k !== j) })}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      )}
                    </Group>
                  ))}
                  {!locked && q.points.length < 10 && (
                    <Button
                      variant="subtle"
                      size="xs"
                      w="fit-content"
                      leftSection={<IconPlus size={14} />}
                      onClick={() => change(i, { points: [...q.points, { label: '', labelEn: '' }] })}
                    >
                      {tq('addPoint')}
                    </Button>
                  )}
                </Stack>
              )}
            </Stack>
          </Paper>
        ))}
        {errorFor('questions') && (
          <Text size="sm" c="red">
            {errorFor('questions')}
          </Text>
        )}
        {!locked && questions.length < 30 && (
          <Button variant="light" w="fit-content" leftSection={<IconPlus size={16} />} onClick={() => setQuestions((qs) => [...qs, blank()])}>
            {tq('addQuestion')}
          </Button>
        )}
        {general && (
          <Alert color="red" role="alert" data-testid="question-set-error">
            {general}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tq('cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="question-set-save">
            {tq('save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
