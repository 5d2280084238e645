import type { z } from 'zod';
import type { needFigures } from './needs.schema.js';
import type { SummaryMeasures } from './needs.repository.js';

/** What a dashboard cell shows, derived from summed measures (its fields are described in needs.schema.ts). */
export type NeedFigures = z.infer<typeof needFigures>;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function toFigures(m: SummaryMeasures): NeedFigures {
  const per = (n: number) => (m.people === 0 ? 0 : n / m.people);
  return {
    people: m.people,
    needs: m.needs,
    needShare: round(per(m.needs), 3),
    meanGap: round(per(m.sumGap)),
    meanWeightedNeed: round(per(m.sumWeightedNeed)),
    meanAssessed: round(per(m.sumAssessed)),
    meanRequired: round(per(m.sumRequired)),
  };
}

export function addMeasures(a: SummaryMeasures, b: SummaryMeasures): SummaryMeasures {
  return {
    people: a.people + b.people,
    needs: a.needs + b.needs,
    sumGap: a.sumGap + b.sumGap,
    sumWeightedNeed: a.sumWeightedNeed + b.sumWeightedNeed,
    sumAssessed: a.sumAssessed + b.sumAssessed,
    sumRequired: a.sumRequired + b.sumRequired,
  };
}

export const EMPTY_MEASURES: SummaryMeasures = { people: 0, needs: 0, sumGap: 0, sumWeightedNeed: 0, sumAssessed: 0, sumRequired: 0 };

/**
 * Roll rows up to (row key, column key) cells, e.g. competencies into their
 * groups for the heatmap. Rows whose column maps to nothing are dropped.
 */
export function rollUp<T extends SummaryMeasures>(
  rows: readonly T[],
  rowKey: (row: T) => string,
  columnKey: (row: T) => string | undefined,
): Map<string, Map<string, SummaryMeasures>> {
  const cells = new Map<string, Map<string, SummaryMeasures>>();
  for (const row of rows) {
    const column = columnKey(row);
    if (column === undefined) continue;
    const key = rowKey(row);
    const line = cells.get(key) ?? new Map<string, SummaryMeasures>();
    line.set(column, addMeasures(line.get(column) ?? EMPTY_MEASURES, row));
    cells.set(key, line);
  }
  return cells;
}
