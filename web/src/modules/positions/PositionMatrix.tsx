import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Group, Paper, SegmentedControl, Select, Skeleton, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconCopy, IconDeviceFloppy, IconSearch, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { useCurrentUser } from '../../auth/CurrentUser';
import { QueryError } from '../../ui/QueryError';
import { MatrixFilePanel } from './MatrixFilePanel';
import { positionsApi, positionsKeys, type MatrixChange, type MatrixPosition, type ProfileCompetency } from './positionsApi';
import classes from './PositionMatrix.module.css';

type Mode = 'level' | 'criticality';
interface CellValue {
  requiredLevel: number | null;
  criticality: number;
}
/** Unsaved edits by position, then competency: a row's object changes only when that row is edited. */
type Edits = Record<string, Record<string, CellValue>>;

/**
 * Positions x competencies: type a digit in a cell to set the required level
 * (or, in the other mode, the criticality 1–3), Delete to remove; arrows and
 * Enter move like a spreadsheet. Edits stay local until "Save", which sends
 * them in one all-or-nothing request.
 */
export function PositionMatrix() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Only HR and the national administrator change the matrix, from a file too (the server checks it; leaders may download through the API).
  const role = useCurrentUser().role;
  const mayImport = role === 'hr_officer' || role === 'national_admin';
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [group, setGroup] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('level');
  const [edits, setEdits] = useState<Edits>({});
  const [focus, setFocus] = useState<{ row: number; col: number } | null>(null);
  const [copyFrom, setCopyFrom] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const matrix = useQuery({ queryKey: positionsKeys.matrix(debounced), queryFn: ({ signal }) => positionsApi.matrix(debounced, signal) });

  const saved = useMemo(() => {
    const map: Record<string, Record<string, CellValue>> = {};
    for (const c of matrix.data?.cells ?? []) (map[c.positionId] ??= {})[c.competencyId] = { requiredLevel: c.requiredLevel, criticality: c.criticality };
    return map;
  }, [matrix.data]);
  const groups = useMemo(() => [...new Map((matrix.data?.competencies ?? []).map((c) => [`${c.frameworkCode}:${c.groupCode}`, c])).values()], [matrix.data]);
  const columns = useMemo(() => (matrix.data?.competencies ?? []).filter((c) => !group || `${c.frameworkCode}:${c.groupCode}` === group), [matrix.data, group]);
  const rows = matrix.data?.positions ?? [];
  const dirty = Object.values(edits).reduce((n, row) => n + Object.keys(row).length, 0);

  useEffect(() => {
    if (dirty === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const valueOf = useCallback(
    (positionId: string, competencyId: string): CellValue | undefined => edits[positionId]?.[competencyId] ?? saved[positionId]?.[competencyId],
    [edits, saved],
  );

  const setCell = useCallback(
    (positionId: string, competencyId: string, next: CellValue) => {
      setEdits((all) => {
        const before = saved[positionId]?.[competencyId];
        const row = { ...(all[positionId] ?? {}) };
        const same = before ? before.requiredLevel === next.requiredLevel && before.criticality === next.criticality : next.requiredLevel === null;
        if (same) delete row[competencyId];
        else row[competencyId] = next;
        return { ...all, [positionId]: row };
      });
    },
    [saved],
  );

  const save = useMutation({
    mutationFn: () => {
      const changes: MatrixChange[] = Object.entries(edits).flatMap(([positionId, row]) =>
        Object.entries(row).map(([competencyId, v]) => ({ positionId, competencyId, ...v })),
      );
      return positionsApi.saveMatrix(changes);
    },
    onSuccess: async () => {
      // Keep the edits shown until the saved matrix has come back, so no cell flickers to its old value.
      await queryClient.invalidateQueries({ queryKey: positionsKeys.all });
      setEdits({});
    },
  });

  const move = useCallback((row: number, col: number) => {
    const target = table.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`);
    if (target) {
      target.focus();
      target.select();
    }
  }, []);

  const fillColumn = () => {
    if (!focus) return;
    const position = rows[focus.row];
    const competency = columns[focus.col];
    if (!position || !competency) return;
    const value = valueOf(position.id, competency.id) ?? { requiredLevel: null, criticality: 2 };
    for (const p of rows) if (p.canEdit) setCell(p.id, competency.id, value);
  };

  const copyRow = () => {
    if (!focus || !copyFrom) return;
    const target = rows[focus.row];
    if (!target?.canEdit) return;
    for (const c of columns) setCell(target.id, c.id, valueOf(copyFrom, c.id) ?? { requiredLevel: null, criticality: 2 });
  };

  if (matrix.error) return <QueryError error={matrix.error} onRetry={matrix.refetch} />;
  const english = currentLanguage() === 'en';
  const name = (c: ProfileCompetency) => (english && c.nameEn ? c.nameEn : c.nameVi || c.nameEn);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <TextInput
            leftSection={<IconSearch size={16} />}
            label={t('positions.matrix.searchPositions')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={260}
          />
          <Select
            label={t('positions.matrix.group')}
            placeholder={t('positions.matrix.allGroups')}
            clearable
            data={groups.map((g) => ({
              value: `${g.frameworkCode}:${g.groupCode}`,
              label: `${g.groupCode} · ${english && g.groupNameEn ? g.groupNameEn : g.groupNameVi}`,
            }))}
            value={group}
            onChange={setGroup}
            w={320}
          />
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as Mode)}
            data={[
              { value: 'level', label: t('positions.matrix.modeLevel') },
              { value: 'criticality', label: t('positions.matrix.modeCriticality') },
            ]}
            data-testid="matrix-mode"
          />
        </Group>
        <Group>
          <Text size="sm" c={dirty ? 'blue' : 'dimmed'} data-testid="matrix-dirty">
            {t('positions.matrix.unsaved', { count: dirty })}
          </Text>
          <Button variant="default" leftSection={<IconX size={16} />} disabled={!dirty} onClick={() => setEdits({})}>
            {t('positions.matrix.discard')}
          </Button>
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid="matrix-save"
          >
            {t('positions.matrix.save')}
          </Button>
        </Group>
      </Group>
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {t('positions.matrix.help')}
        </Text>
        <Button size="compact-xs" variant="light" leftSection={<IconArrowDown size={12} />} disabled={!focus} onClick={fillColumn}>
          {t('positions.matrix.fillColumn')}
        </Button>
        <Select
          size="xs"
          placeholder={t('positions.matrix.copyFrom')}
          data={rows.map((p) => ({ value: p.id, label: p.code }))}
          value={copyFrom}
          onChange={setCopyFrom}
          searchable
          clearable
          w={200}
        />
        <Button size="compact-xs" variant="light" leftSection={<IconCopy size={12} />} disabled={!focus || !copyFrom} onClick={copyRow}>
          {t('positions.matrix.copyRow')}
        </Button>
      </Group>
      <MatrixFilePanel canImport={mayImport} blocked={dirty > 0} />
      {save.error && <Alert color="red">{isApiError(save.error) ? save.error.message : String(save.error)}</Alert>}
      {matrix.isPending ? (
        <Skeleton h={400} />
      ) : (
        <Paper withBorder radius="md" className={classes.scroller}>
          <table ref={table} className={classes.matrix} data-testid="position-matrix">
            <thead>
              <tr>
                <th className={classes.corner}>{t('positions.matrix.position')}</th>
                {columns.map((c) => (
                  <th key={c.id} className={classes.head}>
                    <Tooltip label={`${c.code} · ${name(c)} (${c.frameworkCode})`} withinPortal>
                      <span>{c.code}</span>
                    </Tooltip>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((p, rowIndex) => (
                <MatrixRow
                  key={p.id}
                  position={p}
                  rowIndex={rowIndex}
                  columns={columns}
                  saved={saved[p.id]}
                  edits={edits[p.id]}
                  mode={mode}
                  english={english}
                  onSet={setCell}
                  onMove={move}
                  onFocus={setFocus}
                />
              ))}
            </tbody>
          </table>
        </Paper>
      )}
      <Text size="xs" c="dimmed">
        {t('positions.matrix.legend')}
      </Text>
    </Stack>
  );
}

interface RowProps {
  position: MatrixPosition;
  rowIndex: number;
  columns: ProfileCompetency[];
  saved: Record<string, CellValue> | undefined;
  edits: Record<string, CellValue> | undefined;
  mode: Mode;
  english: boolean;
  onSet: (positionId: string, competencyId: string, value: CellValue) => void;
  onMove: (row: number, col: number) => void;
  onFocus: (at: { row: number; col: number }) => void;
}

const MatrixRow = memo(function MatrixRow({ position, rowIndex, columns, saved, edits, mode, english, onSet, onMove, onFocus }: RowProps) {
  return (
    <tr>
      <th className={classes.rowHead} title={position.agencyName}>
        <span className={classes.code}>{position.code}</span>
        <span className={classes.title}>{english && position.titleEn ? position.titleEn : position.titleVi}</span>
      </th>
      {columns.map((c, col) => {
        const edited = edits?.[c.id];
        const value = edited ?? saved?.[c.id];
        const shown = value?.requiredLevel == null ? '' : String(mode === 'level' ? value.requiredLevel : value.criticality);
        const criticality = value?.requiredLevel == null ? 0 : value.criticality;
        return (
          <td key={c.id} className={`${classes.cell} ${classes[`crit${criticality}`] ?? ''} ${edited ? classes.dirty : ''}`}>
            <input
              className={classes.input}
              data-row={rowIndex}
              data-col={col}
              value={shown}
              disabled={!position.canEdit}
              aria-label={`${position.code} ${c.code}`}
              inputMode="numeric"
              onFocus={(e) => {
                e.currentTarget.select();
                onFocus({ row: rowIndex, col });
              }}
              onChange={() => undefined}
              onKeyDown={(e) => {
                const key = e.key;
                if (key === 'ArrowRight') return onMove(rowIndex, col + 1);
                if (key === 'ArrowLeft') return onMove(rowIndex, col - 1);
                if (key === 'ArrowDown' || key === 'Enter') return onMove(rowIndex + 1, col);
                if (key === 'ArrowUp') return onMove(rowIndex - 1, col);
                if (key === 'Delete' || key === 'Backspace') {
                  e.preventDefault();
                  if (mode === 'level') onSet(position.id, c.id, { requiredLevel: null, criticality: 2 });
                  return;
                }
                if (/^[1-8]$/.test(key)) {
                  e.preventDefault();
                  const digit = Number(key);
                  if (mode === 'level' && digit <= c.levelCount)
                    onSet(position.id, c.id, { requiredLevel: digit, criticality: value?.requiredLevel == null ? 2 : value.criticality });
                  if (mode === 'criticality' && digit <= 3 && value?.requiredLevel != null)
                    onSet(position.id, c.id, { requiredLevel: value.requiredLevel, criticality: digit });
                  onMove(rowIndex, col + 1);
                }
              }}
            />
          </td>
        );
      })}
    </tr>
  );
});
