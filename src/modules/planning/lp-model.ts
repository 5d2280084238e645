/**
 * The plan as a mixed-integer programme in CPLEX LP format (what `highs`
 * reads). Column x<i> is candidate seat i, y<j> opens class-to-open j. Only
 * limits that can bind are written (a person whose candidate seats fit their
 * hours gets no hours row), which keeps the 20,000 × 800 model small.
 */
import type { PlanInstance } from './plan-instance.js';

export const BUDGET_ROW = 'budget';

/** Numbers as LP text: integers stay exact; decimals keep 6 places. */
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(6).replace(/0+$/, ''));

/** LP lines stay short: HiGHS's reader is line-based and long lines cost it. */
function terms(parts: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 50) lines.push(parts.slice(i, i + 50).join(' + '));
  return lines.join('\n  + ');
}

export function planModelLp(instance: PlanInstance): string {
  const { candidates, sessions, people } = instance;
  const bySession: number[][] = sessions.map(() => []);
  const byPerson: number[][] = people.map(() => []);
  candidates.forEach((c, i) => {
    bySession[c.session]!.push(i);
    byPerson[c.person]!.push(i);
  });
  const opened = sessions.flatMap((s, j) => (s.opening && bySession[j]!.length > 0 ? [j] : []));
  const rows: string[] = [];

  const objective = candidates.map((c, i) => `${num(c.benefit)} x${i}`);
  const budget = candidates.map((c, i) => `${num(sessions[c.session]!.costPerSeat)} x${i}`);
  for (const j of opened) budget.push(`${num(sessions[j]!.opening!.cost)} y${j}`);
  rows.push(` ${BUDGET_ROW}: ${terms(budget)} <= ${num(instance.budget)}`);

  for (const [unitId, limit] of Object.entries(instance.unitBudgets)) {
    const parts = candidates.flatMap((c, i) => (people[c.person]!.unitId === unitId ? [`${num(sessions[c.session]!.costPerSeat)} x${i}`] : []));
    if (parts.length > 0) rows.push(` u_${rows.length}: ${terms(parts)} <= ${num(limit)}`);
  }
  sessions.forEach((s, j) => {
    const seats = bySession[j]!;
    if (seats.length === 0) return;
    const sum = terms(seats.map((i) => `x${i}`));
    if (s.opening) {
      rows.push(` s${j}: ${sum} - ${s.seats} y${j} <= 0`);
      if (s.opening.minClass > 0) rows.push(` m${j}: ${sum} - ${s.opening.minClass} y${j} >= 0`);
    } else if (seats.length > s.seats) rows.push(` s${j}: ${sum} <= ${s.seats}`);
  });
  people.forEach((p, pi) => {
    const seats = byPerson[pi]!;
    const hours = seats.reduce((sum, i) => sum + sessions[candidates[i]!.session]!.hours, 0);
    if (hours > p.hoursLimit) rows.push(` h${pi}: ${terms(seats.map((i) => `${num(sessions[candidates[i]!.session]!.hours)} x${i}`))} <= ${num(p.hoursLimit)}`);
    const byCompetency = new Map<string, number[]>();
    for (const i of seats) for (const k of candidates[i]!.competencies) byCompetency.set(k, [...(byCompetency.get(k) ?? []), i]);
    let k = 0;
    for (const same of byCompetency.values()) if (same.length > 1) rows.push(` c${pi}_${k++}: ${terms(same.map((i) => `x${i}`))} <= 1`);
  });

  const bounds = candidates.flatMap((c, i) => (c.mandatory ? [` x${i} = 1`] : []));
  const binaries = [...candidates.map((_, i) => `x${i}`), ...opened.map((j) => `y${j}`)];
  const binaryLines: string[] = [];
  for (let i = 0; i < binaries.length; i += 50) binaryLines.push(' ' + binaries.slice(i, i + 50).join(' '));
  return [
    'Maximize',
    ` benefit: ${objective.length > 0 ? terms(objective) : '0 x0'}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    'Binaries',
    ...binaryLines,
    'End',
    '',
  ].join('\n');
}

/** Candidate indices chosen in a column vector read back by name (x<i> = 1). */
export function chosenFromColumns(names: readonly string[], values: ArrayLike<number>): number[] {
  const chosen: number[] = [];
  names.forEach((name, col) => {
    if (name.startsWith('x') && (values[col] ?? 0) > 0.5) chosen.push(Number(name.slice(1)));
  });
  return chosen.sort((a, b) => a - b);
}

/** The LP value of each candidate (for the repair), from a column vector read back by name. */
export function candidateValues(count: number, names: readonly string[], values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(count);
  names.forEach((name, col) => {
    if (name.startsWith('x')) out[Number(name.slice(1))] = values[col] ?? 0;
  });
  return out;
}
