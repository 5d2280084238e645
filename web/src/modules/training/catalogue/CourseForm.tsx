import { useState } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { foldedFilter } from '../../../ui/foldText';
import { apiErrorText } from './apiErrorText';
import { COURSE_FORMATS, catalogueApi, catalogueKeys, type CourseDetail, type CourseFormat } from './catalogueApi';

interface Target {
  competencyId: string | null;
  fromLevel: number;
  toLevel: number;
}

/** Create a course of an institution (no `course`) or change one; a change of an active course makes a new version. */
export function CourseForm({ institutionId, course, onDone }: { institutionId: string; course: CourseDetail | null; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [title, setTitle] = useState(course?.title ?? '');
  const [titleEn, setTitleEn] = useState(course?.titleEn ?? '');
  const [description, setDescription] = useState(course?.description ?? '');
  const [format, setFormat] = useState<CourseFormat>(course?.format ?? 'classroom');
  const [hours, setHours] = useState<number | string>(course?.hours ?? 8);
  const [cost, setCost] = useState<number | string>(course?.costPerSeat ?? 0);
  const [attendance, setAttendance] = useState<number | string>(Math.round((course?.minAttendance ?? 0.8) * 100));
  const [passScore, setPassScore] = useState<number | string>(course?.passScore ?? '');
  const [versionId, setVersionId] = useState<string | undefined>(course?.frameworkVersionId);
  const [targets, setTargets] = useState<Target[]>(
    course?.competencies.map((c) => ({ competencyId: c.competencyId, fromLevel: c.fromLevel, toLevel: c.toLevel })) ?? [
      { competencyId: null, fromLevel: 1, toLevel: 2 },
    ],
  );
  const [prerequisites, setPrerequisites] = useState<string[]>(course?.prerequisites.map((p) => p.id) ?? []);
  const [draft, setDraft] = useState(false);
  const framework = useQuery({ queryKey: catalogueKeys.framework(versionId), queryFn: ({ signal }) => catalogueApi.framework(versionId, signal) });
  const others = useQuery({
    queryKey: catalogueKeys.courses({ limit: 200, offset: 0 }),
    queryFn: ({ signal }) => catalogueApi.courses({ limit: 200, offset: 0 }, signal),
  });
  const version = framework.data?.version;
  const levels = (version?.levels ?? []).map((l) => ({ value: String(l.level), label: `${l.level}. ${l.name[lang]}` }));
  const fromLevels = [{ value: '0', label: '0' }, ...levels.slice(0, -1)];

  const save = useMutation({
    mutationFn: async () => {
      const content = {
        title,
        titleEn,
        description,
        format,
        hours: Number(hours),
        costPerSeat: Number(cost),
        frameworkVersionId: version!.id,
        minAttendance: Number(attendance) / 100,
        passScore: passScore === '' ? null : Number(passScore),
        competencies: targets.filter((x) => x.competencyId).map((x) => ({ competencyId: x.competencyId!, fromLevel: x.fromLevel, toLevel: x.toLevel })),
        prerequisiteIds: prerequisites,
      };
      return course ? catalogueApi.updateCourse(course.id, content) : catalogueApi.createCourse(institutionId, { ...content, code, draft });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
      onDone(saved.id);
    },
  });
  const setTarget = (i: number, change: Partial<Target>) => setTargets(targets.map((x, j) => (j === i ? { ...x, ...change } : x)));

  return (
    <Stack gap="sm" data-testid="course-form">
      {!course && (
        <TextInput label={t('catalogue.form.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} required data-testid="course-code" />
      )}
      <TextInput label={t('catalogue.form.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required data-testid="course-title" />
      <TextInput label={t('catalogue.form.titleEn')} value={titleEn} onChange={(e) => setTitleEn(e.currentTarget.value)} />
      <Textarea label={t('catalogue.form.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} />
      <Group grow>
        <Select
          label={t('catalogue.format')}
          data={COURSE_FORMATS.map((f) => ({ value: f, label: t(`catalogue.formats.${f}`) }))}
          value={format}
          onChange={(v) => v && setFormat(v as CourseFormat)}
          allowDeselect={false}
        />
        <NumberInput label={t('catalogue.form.hours')} value={hours} onChange={setHours} min={0.5} step={1} decimalScale={1} data-testid="course-hours" />
      </Group>
      <Group grow>
        <NumberInput
          label={t('catalogue.form.cost')}
          value={cost}
          onChange={setCost}
          thousandSeparator="."
          decimalSeparator=","
          allowDecimal={false}
          data-testid="course-cost"
        />
        <NumberInput label={t('catalogue.form.minAttendance')} value={attendance} onChange={setAttendance} min={0} max={100} />
        <NumberInput label={t('catalogue.form.passScore')} value={passScore} onChange={setPassScore} min={0} max={100} />
      </Group>
      <Select
        label={t('catalogue.form.frameworkVersion')}
        value={version?.id ?? null}
        allowDeselect={false}
        onChange={(v) => {
          if (v) {
            setVersionId(v);
            setTargets([{ competencyId: null, fromLevel: 1, toLevel: 2 }]);
          }
        }}
        data={(framework.data?.versions ?? []).map((v) => ({ value: v.id, label: `${v.code} v${v.versionNo} — ${v.name[lang]}` }))}
      />
      <Text fw={500} size="sm">
        {t('catalogue.form.competencies')}
      </Text>
      {targets.map((x, i) => (
        <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
          <Select
            aria-label={t('catalogue.competency')}
            flex={1}
            searchable
            filter={foldedFilter}
            value={x.competencyId}
            onChange={(v) => setTarget(i, { competencyId: v })}
            data={(version?.competencies ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${c.name[lang]}` }))}
            data-testid={`course-competency-${i}`}
          />
          <Select
            aria-label={t('catalogue.course.from')}
            w={150}
            data={fromLevels}
            value={String(x.fromLevel)}
            onChange={(v) => v && setTarget(i, { fromLevel: Number(v) })}
            allowDeselect={false}
          />
          <Select
            aria-label={t('catalogue.course.to')}
            w={150}
            data={levels}
            value={String(x.toLevel)}
            onChange={(v) => v && setTarget(i, { toLevel: Number(v) })}
            allowDeselect={false}
          />
          <ActionIcon variant="subtle" color="red" aria-label={t('catalogue.form.remove')} onClick={() => setTargets(targets.filter((_, j) => j !== i))}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => setTargets([...targets, { competencyId: null, fromLevel: 1, toLevel: 2 }])}
        >
          {t('catalogue.form.addCompetency')}
        </Button>
      </Group>
      <MultiSelect
        label={t('catalogue.form.prerequisites')}
        searchable
        filter={foldedFilter}
        value={prerequisites}
        onChange={setPrerequisites}
        data={(others.data?.items ?? []).filter((c) => c.id !== course?.id).map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` }))}
      />
      {!course && <Checkbox label={t('catalogue.form.draft')} checked={draft} onChange={(e) => setDraft(e.currentTarget.checked)} />}
      {course?.status === 'active' && (
        <Text size="sm" c="dimmed">
          {t('catalogue.course.newVersionNote')}
        </Text>
      )}
      {save.error && (
        <Alert color="red" data-testid="course-error">
          {apiErrorText(save.error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={!version || title.trim() === '' || (!course && code.trim() === '')}
          data-testid="course-save"
        >
          {t('catalogue.form.save')}
        </Button>
      </Group>
    </Stack>
  );
}
