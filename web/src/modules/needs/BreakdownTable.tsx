import { Anchor, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { intlLocale } from '../../i18n';
import type { Breakdown, BreakdownRow, Figures } from './needsApi';
import { formatCount, formatGap, formatShare, gapColour, textOn } from './needsView';
import { useNeedsText } from './useNeedsText';

interface BreakdownTableProps {
  breakdown: Breakdown;
  labelOf: (row: BreakdownRow) => string;
  scaleMax: number;
  /** Where a row leads, with the history state that carries the breadcrumb trail. */
  linkOf: (row: BreakdownRow) => { to: string; state: unknown } | null;
  onRowClick: (row: BreakdownRow) => void;
}

/**
 * The heatmap's figures as a table: what screen readers read, what prints, and
 * what an HR officer copies. Cells carry the heatmap's colour and the number.
 */
export function BreakdownTable({ breakdown, labelOf, scaleMax, linkOf, onRowClick }: BreakdownTableProps) {
  const { tn, pick } = useNeedsText();
  const locale = intlLocale();
  const { columns, rows } = breakdown;
  const compact = columns.length > 8;

  const figureCells = (figures: Figures) => (
    <>
      <Table.Td ta="right">{formatCount(figures.people, locale)}</Table.Td>
      <Table.Td ta="right">{formatShare(figures.needShare, locale)}</Table.Td>
      <Table.Td ta="right" fw={600}>
        {formatGap(figures.meanGap, locale)}
      </Table.Td>
    </>
  );

  const gapCell = (figures: Figures | undefined, key: string) => {
    if (!figures) {
      return (
        <Table.Td key={key} ta="center" c="dimmed" aria-label={tn('table.noValue')}>
          —
        </Table.Td>
      );
    }
    const background = gapColour(figures.meanGap, scaleMax);
    return (
      <Table.Td key={key} ta="right" className="needs-gap-cell" style={{ background, color: textOn(background) }}>
        {formatGap(figures.meanGap, locale)}
      </Table.Td>
    );
  };

  return (
    <Paper withBorder radius="md" p="md" className="needs-print-block">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {tn('table.title')}
        </Title>
        <Table.ScrollContainer minWidth={compact ? 360 + columns.length * 64 : 640} className="needs-print-overflow">
          <Table striped highlightOnHover withTableBorder withColumnBorders verticalSpacing="xs" fz="sm" data-testid="needs-table" captionSide="bottom">
            {/* Left-aligned: centred across a wide scrolling table, it would sit off screen. */}
            <Table.Caption ta="left">{tn('table.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" miw={180}>
                  {tn('table.unit')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {tn('table.assessments')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {tn('table.needShare')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {tn('table.meanGap')}
                </Table.Th>
                {columns.map((column) => (
                  <Table.Th key={column.key} scope="col" ta="right" title={pick(column.name)} miw={compact ? undefined : 104}>
                    {compact ? (
                      <Tooltip label={pick(column.name)} withArrow>
                        <span>{column.code}</span>
                      </Tooltip>
                    ) : (
                      <Stack gap={0} align="flex-end">
                        <span>{column.code}</span>
                        <Text span size="xs" c="dimmed" fw={400} lh={1.25} ta="right">
                          {pick(column.name)}
                        </Text>
                      </Stack>
                    )}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const link = linkOf(row);
                return (
                  <Table.Tr
                    key={row.key}
                    data-testid="needs-row"
                    data-drill={row.drill?.kind ?? ''}
                    style={link ? { cursor: 'pointer' } : undefined}
                    onClick={(event) => {
                      // The name is a real link; a click elsewhere on the row does the same.
                      if (link && !(event.target as HTMLElement).closest('a')) onRowClick(row);
                    }}
                  >
                    <Table.Th scope="row" fw={500}>
                      {link ? (
                        <Anchor component={Link} to={link.to} state={link.state} aria-label={tn('table.drill', { name: labelOf(row) })} size="sm">
                          {labelOf(row)}
                        </Anchor>
                      ) : (
                        labelOf(row)
                      )}
                    </Table.Th>
                    {figureCells(row.total)}
                    {columns.map((column) => gapCell(row.cells[column.key], column.key))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700} data-testid="needs-total">
                <Table.Th scope="row">{tn('table.total')}</Table.Th>
                {figureCells(breakdown.total)}
                {columns.map((column) => (
                  <Table.Td key={column.key} />
                ))}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
