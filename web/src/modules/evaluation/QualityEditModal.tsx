import { useState } from 'react';
import { Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { QueryError } from '../../ui/QueryError';
import { qualityApi, type QualityRecord } from './qualityApi';
import { useQualityText, LEVELS } from './qualityText';

interface Props {
  record: QualityRecord;
  year: number;
  onClose: () => void;
  onSaved: () => void;
}

type Quarter = { general: number | string; tasks: number | string };

/** One person's year: four quarters' scores, a disqualifying condition, a level no higher than the score allows. */
export function QualityEditModal({ record, year, onClose, onSaved }: Props) {
  const { tq } = useQualityText();
  const initial: Quarter[] = [1, 2, 3, 4].map((n) => {
    const p = record.periods.find((x) => x.period === `${year}-Q${n}`);
    return { general: p?.general ?? '', tasks: p?.tasks ?? '' };
  });
  const [quarters, setQuarters] = useState(initial);
  const [disqualified, setDisqualified] = useState(record.disqualified);
  const [reason, setReason] = useState(record.disqualifyingReason);
  const [level, setLevel] = useState<string | null>(record.level && record.level !== record.eligibleLevel ? record.level : null);
  const save = useMutation({
    mutationFn: () =>
      qualityApi.record(record.personId, year, {
        periods: quarters.flatMap((q, i) =>
          q.general === '' && q.tasks === '' ? [] : [{ period: `${year}-Q${i + 1}`, general: Number(q.general || 0), tasks: Number(q.tasks || 0) }],
        ),
        disqualified,
        disqualifyingReason: reason,
        ...(level ? { level: level as (typeof LEVELS)[number] } : {}),
      }),
    onSuccess: onSaved,
  });
  const set = (i: number, field: keyof Quarter, value: number | string) => setQuarters((qs) => qs.map((q, j) => (j === i ? { ...q, [field]: value } : q)));
  return (
    <Modal opened onClose={onClose} title={`${record.fullName} — ${year}`} size="lg">
      <Stack gap="sm">
        {quarters.map((q, i) => (
          <SimpleGrid key={i} cols={{ base: 1, sm: 3 }} spacing="xs">
            <Text size="sm" fw={500} mt={{ sm: 28 }}>
              {tq('quarter', { n: i + 1 })}
            </Text>
            <NumberInput
              label={tq('general')}
              min={0}
              max={30}
              decimalScale={1}
              decimalSeparator=","
              value={q.general}
              onChange={(v) => set(i, 'general', v)}
            />
            <NumberInput label={tq('tasks')} min={0} max={70} decimalScale={1} decimalSeparator="," value={q.tasks} onChange={(v) => set(i, 'tasks', v)} />
          </SimpleGrid>
        ))}
        <Checkbox label={tq('disqualified')} checked={disqualified} onChange={(e) => setDisqualified(e.currentTarget.checked)} />
        {disqualified && <TextInput label={tq('reason')} value={reason} maxLength={500} onChange={(e) => setReason(e.currentTarget.value)} />}
        <Select label={tq('levelOverride')} clearable value={level} onChange={setLevel} data={LEVELS.map((l) => ({ value: l, label: tq(`levels.${l}`) }))} />
        {save.error && <QueryError error={save.error} />}
        <Group justify="flex-end">
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {tq('save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
