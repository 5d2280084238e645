/**
 * The plan as a mixed-integer programme: columns x<i> (candidate seat i, the
 * first `candidates.length` columns) and y<j> (opens class-to-open j), rows
 * for the budget (always row 0), unit budgets, seats, class sizes, hours and
 * one course per competency (and one of sessions whose dates overlap). Only limits that can bind are written (a person
 * whose candidate seats fit their hours gets no hours row), which keeps the
 * 20,000 × 800 model small. HiGHS receives these arrays directly: its LP-text
 * reader took 17 s for the 5,000 × 200 model; `lp-model.ts` writes the same
 * rows as LP text for reading and for tests.
 */
import { candidateKeys, type PlanInstance } from './plan-instance.js';

export interface PlanRow {
  name: string;
  lower: number;
  upper: number;
  columns: number[];
  values: number[];
}

export interface PlanMatrix {
  columnNames: string[];
  cost: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  rows: PlanRow[];
  /** Column of each class to open, by session index. */
  openColumn: Map<number, number>;
}

export function planMatrix(instance: PlanInstance): PlanMatrix {
  const { candidates, sessions, people } = instance;
  const all = Array.from({ length: candidates.length }, (_, i) => i);
  const bySession: number[][] = sessions.map(() => []);
  const byPerson: number[][] = people.map(() => []);
  for (const i of all) {
    bySession[candidates.session[i]!]!.push(i);
    byPerson[candidates.person[i]!]!.push(i);
  }
  const opened = sessions.flatMap((s, j) => (s.opening && bySession[j]!.length > 0 ? [j] : []));
  const columnNames = [...all.map((i) => `x${i}`), ...opened.map((j) => `y${j}`)];
  const openColumn = new Map(opened.map((j, k) => [j, candidates.length + k]));
  const n = columnNames.length;
  const cost = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n).fill(1);
  for (const i of all) {
    cost[i] = candidates.benefit[i]!;
    if (candidates.mandatory[i]) lower[i] = 1;
  }
  const rows: PlanRow[] = [];
  const ones = (columns: number[]) => columns.map(() => 1);

  const budgetColumns = [...all];
  const budgetValues = all.map((i) => candidates.cost[i]!);
  for (const j of opened) {
    budgetColumns.push(openColumn.get(j)!);
    budgetValues.push(sessions[j]!.opening!.cost);
  }
  rows.push({ name: 'budget', lower: -Infinity, upper: instance.budget, columns: budgetColumns, values: budgetValues });

  for (const [unitId, limit] of Object.entries(instance.unitBudgets)) {
    const columns = all.filter((i) => people[candidates.person[i]!]!.unitId === unitId);
    if (columns.length > 0)
      rows.push({
        name: `u${rows.length}`,
        lower: -Infinity,
        upper: limit,
        columns,
        values: columns.map((i) => candidates.cost[i]!),
      });
  }
  sessions.forEach((s, j) => {
    const seats = bySession[j]!;
    if (seats.length === 0) return;
    const y = openColumn.get(j);
    if (y !== undefined) {
      rows.push({ name: `s${j}`, lower: -Infinity, upper: 0, columns: [...seats, y], values: [...ones(seats), -s.seats] });
      if (s.opening!.minClass > 0)
        rows.push({ name: `m${j}`, lower: 0, upper: Infinity, columns: [...seats, y], values: [...ones(seats), -s.opening!.minClass] });
    } else if (seats.length > s.seats) rows.push({ name: `s${j}`, lower: -Infinity, upper: s.seats, columns: seats, values: ones(seats) });
  });
  people.forEach((p, pi) => {
    const seats = byPerson[pi]!;
    const hours = seats.map((i) => candidates.hours[i]!);
    if (hours.reduce((a, b) => a + b, 0) > p.hoursLimit) rows.push({ name: `h${pi}`, lower: -Infinity, upper: p.hoursLimit, columns: seats, values: hours });
    const byCompetency = new Map<string, number[]>();
    for (const i of seats) for (const k of candidateKeys(instance, i)) byCompetency.set(k, [...(byCompetency.get(k) ?? []), i]);
    let k = 0;
    for (const same of byCompetency.values())
      if (same.length > 1) rows.push({ name: `c${pi}_${k++}`, lower: -Infinity, upper: 1, columns: same, values: ones(same) });
  });
  return { columnNames, cost, lower, upper, rows, openColumn };
}

/** The arrays HiGHS's `createModel` takes (CSR), transferable to its worker thread. */
export function matrixArrays(matrix: PlanMatrix) {
  const nnz = matrix.rows.reduce((sum, r) => sum + r.columns.length, 0);
  const starts = new Int32Array(matrix.rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let k = 0;
  matrix.rows.forEach((row, r) => {
    starts[r] = k;
    row.columns.forEach((c, e) => {
      indices[k] = c;
      values[k] = row.values[e]!;
      k += 1;
    });
  });
  starts[matrix.rows.length] = k;
  return {
    numCols: matrix.columnNames.length,
    numRows: matrix.rows.length,
    colCost: matrix.cost,
    colLower: matrix.lower,
    colUpper: matrix.upper,
    rowLower: Float64Array.from(matrix.rows, (r) => r.lower),
    rowUpper: Float64Array.from(matrix.rows, (r) => r.upper),
    starts,
    indices,
    values,
  };
}

export type MatrixArrays = ReturnType<typeof matrixArrays>;
