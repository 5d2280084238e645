import { Badge, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pick, type FrameworkDocument } from './frameworksApi';

/** A competency's behavioural indicators, one row per level of the scale. */
export function LevelIndicators({
  levels,
  indicators,
}: {
  levels: FrameworkDocument['levels'];
  indicators: FrameworkDocument['competencies'][number]['indicators'];
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withTableBorder verticalSpacing={6} data-testid="level-indicators">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>{t('frameworks.level')}</Table.Th>
            <Table.Th>{t('frameworks.indicators')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {levels.map((level) => {
            const mine = indicators.filter((i) => i.level === level.level);
            return (
              <Table.Tr key={level.level}>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Badge variant="outline" mr={6}>
                    {level.level}
                  </Badge>
                  <Text span size="sm">
                    {pick(level.name)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {mine.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('common.none')}
                    </Text>
                  ) : (
                    <List size="sm" spacing={2}>
                      {mine.map((i, k) => (
                        <List.Item key={k}>{pick(i.text)}</List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
