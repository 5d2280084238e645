/**
 * The plan's programme (plan-matrix.ts) as CPLEX LP text, the format HiGHS
 * and every other MIP solver read: for looking at a model, trying it in
 * another solver, and the tests. The solve itself passes the arrays.
 */
import { planMatrix } from './plan-matrix.js';
import type { PlanInstance } from './plan-instance.js';

/** Numbers as LP text: integers stay exact; decimals keep 6 places. */
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(6).replace(/0+$/, ''));

/** LP lines stay short: the reader is line-based. */
function linear(values: readonly number[], names: readonly string[]): string {
  const term = (v: number, name: string) => (Math.abs(v) === 1 ? name : `${num(Math.abs(v))} ${name}`);
  const parts = values.map((v, i) => `${v < 0 ? '- ' : i > 0 ? '+ ' : ''}${term(v, names[i]!)}`);
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 50) lines.push(parts.slice(i, i + 50).join(' '));
  return lines.join('\n  ');
}

export function planModelLp(instance: PlanInstance): string {
  const m = planMatrix(instance);
  const names = m.columnNames;
  const rows = m.rows.map((r) => {
    const lhs = linear(
      r.values,
      r.columns.map((c) => names[c]!),
    );
    return r.upper === Infinity ? ` ${r.name}: ${lhs} >= ${num(r.lower)}` : ` ${r.name}: ${lhs} <= ${num(r.upper)}`;
  });
  const objective = linear([...m.cost], names);
  const bounds = names.flatMap((name, c) => (m.lower[c] === 1 ? [` ${name} = 1`] : []));
  const binaries: string[] = [];
  for (let i = 0; i < names.length; i += 50) binaries.push(' ' + names.slice(i, i + 50).join(' '));
  return ['Maximize', ` benefit: ${objective}`, 'Subject To', ...rows, 'Bounds', ...bounds, 'Binaries', ...binaries, 'End', ''].join('\n');
}
