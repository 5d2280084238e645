import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { intlLocale } from '../../i18n';
import type { Figures, TrendPoint } from './needsApi';
import { formatCount, formatGap, formatShare } from './needsView';
import { useNeedsText } from './useNeedsText';

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.3} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

interface HeadlineFiguresProps {
  /** People counts of the selected cycle in this scope; absent at province level (counted per agency). */
  point: TrendPoint | undefined;
  total: Figures;
}

/** People assessed, share meeting the profile, share with a need, and the mean gap of the view. */
export function HeadlineFigures({ point, total }: HeadlineFiguresProps) {
  const { tn } = useNeedsText();
  const locale = intlLocale();
  const withNeed = point ? point.people - point.meetingProfile : 0;
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" data-testid="needs-headline">
        {point && (
          <>
            <Stat testId="needs-headline-people" label={tn('headline.people')} value={formatCount(point.people, locale)} />
            <Stat
              testId="needs-headline-meeting"
              label={tn('headline.meeting')}
              value={formatShare(point.meetingShare, locale)}
              hint={tn('headline.meetingHint', { count: point.meetingProfile })}
            />
            <Stat
              testId="needs-headline-need"
              label={tn('headline.withNeed')}
              value={formatShare(point.people ? withNeed / point.people : 0, locale)}
              hint={tn('headline.withNeedHint', { count: withNeed })}
            />
          </>
        )}
        <Stat
          testId="needs-headline-gap"
          label={tn('headline.meanGap')}
          value={formatGap(total.meanGap, locale)}
          hint={tn('headline.meanGapHint', { share: formatShare(total.needShare, locale) })}
        />
      </SimpleGrid>
      {!point && (
        <Text size="sm" c="dimmed">
          {tn('headline.provinceNote')}
        </Text>
      )}
    </Stack>
  );
}
