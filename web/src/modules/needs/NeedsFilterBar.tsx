import type { ReactNode } from 'react';
import { Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import type { NeedsCycle } from './needsApi';
import type { NeedsFilters } from './needsView';
import { useNeedsText } from './useNeedsText';

interface NeedsFilterBarProps {
  cycles: NeedsCycle[];
  cycle: string | null;
  filters: NeedsFilters;
  onChange: (patch: Partial<NeedsFilters>) => void;
  /** The people list only has a cycle to choose. */
  cycleOnly?: boolean;
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} component="span">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** Cycle, columns and geography; every choice is written to the address bar by the caller. */
export function NeedsFilterBar({ cycles, cycle, filters, onChange, cycleOnly }: NeedsFilterBarProps) {
  const { tn, language } = useNeedsText();
  const options = cycles.map((c) => ({
    value: c.id,
    label: tn('filters.cycleOption', { name: language === 'en' && c.nameEn ? c.nameEn : c.name, agency: c.agencyName }),
  }));
  return (
    <Paper withBorder radius="md" p="md" mb="md" className="needs-no-print" role="group" aria-label={tn('filters.label')}>
      <Group align="flex-end" gap="lg" wrap="wrap">
        <Select
          label={tn('filters.cycle')}
          data={options}
          value={cycle}
          onChange={(value) => value && onChange({ cycle: value })}
          allowDeselect={false}
          w={{ base: '100%', sm: 440 }}
          comboboxProps={{ withinPortal: true }}
          data-testid="needs-cycle"
        />
        {!cycleOnly && (
          <Labelled label={tn('filters.columns')}>
            <SegmentedControl
              value={filters.columns}
              onChange={(value) => onChange({ columns: value as NeedsFilters['columns'] })}
              data={[
                { value: 'group', label: tn('filters.columnsGroup') },
                { value: 'competency', label: tn('filters.columnsCompetency') },
              ]}
              data-testid="needs-columns"
            />
          </Labelled>
        )}
        {!cycleOnly && filters.level === 'country' && (
          <Labelled label={tn('filters.geography')}>
            <SegmentedControl
              value={filters.geography}
              onChange={(value) => onChange({ geography: value as NeedsFilters['geography'] })}
              data={[
                { value: 'current', label: tn('filters.geographyCurrent') },
                { value: 'historical', label: tn('filters.geographyHistorical') },
              ]}
              data-testid="needs-geography"
            />
          </Labelled>
        )}
      </Group>
    </Paper>
  );
}
