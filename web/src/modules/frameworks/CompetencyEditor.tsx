import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { issuesOf, pick, type Competency, type FrameworkDocument, type GroupKind } from './frameworksApi';
import { IssueList } from './IssueList';

const lines = (text: string) => text.split('\n').map((l) => l.trim());

interface EditorProps {
  doc: FrameworkDocument;
  onSave: (doc: FrameworkDocument) => Promise<void>;
  onClose: () => void;
}

/**
 * Edit one competency of a draft: names, descriptions and, per level, one
 * indicator per line in each language (line n of Vietnamese pairs with line n of English).
 */
export function CompetencyEditor({ doc, competency, groupCode, onSave, onClose }: EditorProps & { competency: Competency | null; groupCode: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(competency?.code ?? '');
  const [nameVi, setNameVi] = useState(competency?.name.vi ?? '');
  const [nameEn, setNameEn] = useState(competency?.name.en ?? '');
  const [descVi, setDescVi] = useState(competency?.description.vi ?? '');
  const [descEn, setDescEn] = useState(competency?.description.en ?? '');
  const initial = (lang: 'vi' | 'en', level: number) =>
    (competency?.indicators ?? [])
      .filter((i) => i.level === level)
      .map((i) => i.text[lang])
      .join('\n');
  const [indicators, setIndicators] = useState(() => doc.levels.map((l) => ({ level: l.level, vi: initial('vi', l.level), en: initial('en', l.level) })));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const next: Competency = {
      code: code.trim(),
      groupCode,
      parentCode: competency?.parentCode ?? null,
      name: { vi: nameVi, en: nameEn },
      description: { vi: descVi, en: descEn },
      indicators: indicators.flatMap((l) => {
        const vi = lines(l.vi);
        const en = lines(l.en);
        return Array.from({ length: Math.max(vi.length, en.length) }, (_, k) => ({ level: l.level, text: { vi: vi[k] ?? '', en: en[k] ?? '' } })).filter(
          (i) => i.text.vi || i.text.en,
        );
      }),
    };
    const competencies = competency ? doc.competencies.map((c) => (c.code === competency.code ? next : c)) : [...doc.competencies, next];
    setSaving(true);
    try {
      await onSave({ ...doc, competencies });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const issues = issuesOf(error);
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={competency ? t('frameworks.editCompetency') : t('frameworks.addCompetency')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <TextInput label={t('frameworks.fields.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} disabled={competency !== null} required />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('frameworks.fields.nameVi')} value={nameVi} onChange={(e) => setNameVi(e.currentTarget.value)} required />
          <TextInput label={t('frameworks.fields.nameEn')} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} />
          <Textarea label={t('frameworks.fields.descriptionVi')} value={descVi} onChange={(e) => setDescVi(e.currentTarget.value)} autosize minRows={2} />
          <Textarea label={t('frameworks.fields.descriptionEn')} value={descEn} onChange={(e) => setDescEn(e.currentTarget.value)} autosize minRows={2} />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('frameworks.indicatorHelp')}
        </Text>
        {doc.levels.map((level, i) => (
          <SimpleGrid key={level.level} cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={`${level.level} · ${pick(level.name)} (${t('frameworks.fields.vi')})`}
              value={indicators[i]!.vi}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setIndicators((all) => all.map((x, k) => (k === i ? { ...x, vi: value } : x)));
              }}
              autosize
              minRows={1}
            />
            <Textarea
              label={`${level.level} · ${pick(level.name)} (${t('frameworks.fields.en')})`}
              value={indicators[i]!.en}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setIndicators((all) => all.map((x, k) => (k === i ? { ...x, en: value } : x)));
              }}
              autosize
              minRows={1}
            />
          </SimpleGrid>
        ))}
        <IssueList issues={issues} title={t('frameworks.saveRefused')} />
        {error !== null && issues.length === 0 && <Alert color="red">{isApiError(error) ? error.message : String(error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('frameworks.cancel')}
          </Button>
          <Button loading={saving} disabled={!code.trim() || !(nameVi || nameEn)} onClick={() => void submit()}>
            {t('frameworks.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function GroupEditor({ doc, onSave, onClose }: EditorProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<GroupKind>('functional');
  const [nameVi, setNameVi] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    try {
      await onSave({ ...doc, groups: [...doc.groups, { code: code.trim(), kind, name: { vi: nameVi, en: nameEn }, description: { vi: '', en: '' } }] });
      onClose();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('frameworks.addGroup')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <TextInput label={t('frameworks.fields.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} required />
        <Select
          label={t('frameworks.fields.kind')}
          data={(['core', 'functional', 'technical'] as const).map((k) => ({ value: k, label: t(`frameworks.kind.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as GroupKind)}
          allowDeselect={false}
        />
        <TextInput label={t('frameworks.fields.nameVi')} value={nameVi} onChange={(e) => setNameVi(e.currentTarget.value)} required />
        <TextInput label={t('frameworks.fields.nameEn')} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} />
        <IssueList issues={issuesOf(error)} title={t('frameworks.saveRefused')} />
        {error !== null && issuesOf(error).length === 0 && <Alert color="red">{isApiError(error) ? error.message : String(error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('frameworks.cancel')}
          </Button>
          <Button disabled={!code.trim() || !nameVi} onClick={() => void submit()}>
            {t('frameworks.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
