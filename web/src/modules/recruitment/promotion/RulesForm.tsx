import { useState } from 'react';
import { Alert, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, TagsInput, Text, Title } from '@mantine/core';
import type { Round, RulesInput } from './promotionApi';
import { usePromotionText } from './promotionText';

type Minimum = 'excellent' | 'good' | 'completed';
const num = (v: string | number, fallback: number) => (typeof v === 'number' ? v : fallback);

/** The eligibility rules HR sets: quality years, training, minimum fit, digital weight and minimum level. */
export function RulesForm({ round, saving, onSave }: { round: Round; saving: boolean; onSave: (rules: RulesInput) => void }) {
  const { tr } = usePromotionText();
  const r = round.rules;
  const [quality, setQuality] = useState(r.quality ?? { years: 3, toYear: new Date().getFullYear() - 1, minLevel: 'good' as Minimum });
  const [qualityOn, setQualityOn] = useState(r.quality !== null);
  const [training, setTraining] = useState(r.training ?? { minHours: 0, withinYears: 5, courseCodes: [] as string[] });
  const [trainingOn, setTrainingOn] = useState(r.training !== null);
  const [minFit, setMinFit] = useState<number | null>(r.minFit);
  const [digital, setDigital] = useState(r.digital);
  const disabled = !round.canWrite || round.status === 'decided';
  const hasDigital = round.profile.some((p) => p.digital);

  return (
    <Paper withBorder p="md" className="promotion-rules">
      <Stack gap="sm">
        <Title order={3}>{tr('rules')}</Title>
        <Checkbox
          label={tr('qualityOn')}
          checked={qualityOn}
          disabled={disabled}
          onChange={(e) => setQualityOn(e.currentTarget.checked)}
          data-testid="promotion-quality-on"
        />
        {qualityOn && (
          <Group align="flex-end">
            <NumberInput
              label={tr('qualityYears')}
              min={1}
              max={10}
              value={quality.years}
              disabled={disabled}
              onChange={(v) => setQuality({ ...quality, years: num(v, 3) })}
              w={140}
            />
            <NumberInput
              label={tr('qualityToYear')}
              min={2000}
              max={2100}
              value={quality.toYear}
              disabled={disabled}
              onChange={(v) => setQuality({ ...quality, toYear: num(v, quality.toYear) })}
              w={120}
            />
            <Select
              label={tr('qualityMin')}
              value={quality.minLevel}
              disabled={disabled}
              allowDeselect={false}
              data={(['excellent', 'good', 'completed'] as const).map((l) => ({ value: l, label: tr(`levels.${l}`) }))}
              onChange={(v) => v && setQuality({ ...quality, minLevel: v as Minimum })}
              w={260}
            />
          </Group>
        )}
        <Checkbox
          label={tr('trainingOn')}
          checked={trainingOn}
          disabled={disabled}
          onChange={(e) => setTrainingOn(e.currentTarget.checked)}
          data-testid="promotion-training-on"
        />
        {trainingOn && (
          <Group align="flex-end">
            <NumberInput
              label={tr('minHours')}
              min={0}
              max={10000}
              value={training.minHours}
              disabled={disabled}
              onChange={(v) => setTraining({ ...training, minHours: num(v, 0) })}
              w={140}
            />
            <NumberInput
              label={tr('withinYears')}
              min={1}
              max={20}
              value={training.withinYears}
              disabled={disabled}
              onChange={(v) => setTraining({ ...training, withinYears: num(v, 5) })}
              w={160}
            />
            <TagsInput
              label={tr('courseCodes')}
              value={training.courseCodes}
              disabled={disabled}
              onChange={(codes) => setTraining({ ...training, courseCodes: codes })}
              w={320}
            />
          </Group>
        )}
        <Group align="flex-end">
          <NumberInput
            label={tr('minFit')}
            min={0}
            max={100}
            value={minFit ?? ''}
            disabled={disabled}
            onChange={(v) => setMinFit(typeof v === 'number' ? v : null)}
            w={200}
            data-testid="promotion-min-fit"
          />
          <NumberInput
            label={tr('digitalWeight')}
            description={tr('digitalWeightHelp')}
            min={1}
            max={5}
            step={0.5}
            decimalScale={2}
            value={digital.weight}
            disabled={disabled}
            onChange={(v) => setDigital({ ...digital, weight: num(v, 1) })}
            w={300}
            data-testid="promotion-digital-weight"
          />
          {hasDigital && (
            <NumberInput
              label={tr('digitalMin')}
              min={1}
              max={10}
              value={digital.minLevel ?? ''}
              disabled={disabled}
              onChange={(v) => setDigital({ ...digital, minLevel: typeof v === 'number' ? v : null })}
              w={260}
            />
          )}
        </Group>
        {round.status === 'shortlisted' && <Alert color="yellow">{tr('savedBackToDraft')}</Alert>}
        {!disabled && (
          <Group className="promotion-no-print">
            <Button
              loading={saving}
              data-testid="promotion-save-rules"
              onClick={() => onSave({ quality: qualityOn ? quality : null, training: trainingOn ? training : null, minFit, digital })}
            >
              {tr('saveRules')}
            </Button>
          </Group>
        )}
        <Text size="sm" c="dimmed">
          {tr('profile')}: {round.profile.map((p) => `${p.code} ${p.requiredLevel}${p.digital ? ` (${tr('digital')})` : ''}`).join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}
