import { describe, expect, it } from 'vitest';
import { topGapsByGroup } from './national-figures.js';
import type { CompetencyInfo } from './competency-catalogue.js';

const info = (id: string, groupCode: string, groupOrder: number): CompetencyInfo => ({
  id,
  code: id,
  name: { vi: `Năng lực ${id}`, en: id },
  order: 0,
  groupCode,
  groupName: { vi: `Nhóm ${groupCode}`, en: groupCode },
  groupOrder,
});
const row = (competencyId: string, people: number, needs: number, sumGap: number) => ({
  competencyId,
  people,
  needs,
  sumGap,
  sumWeightedNeed: sumGap,
  sumAssessed: 0,
  sumRequired: 0,
});

describe('topGapsByGroup', () => {
  const catalogue = new Map([
    ['A1', info('A1', 'A', 2)],
    ['A2', info('A2', 'A', 2)],
    ['A3', info('A3', 'A', 2)],
    ['B1', info('B1', 'B', 1)],
  ]);

  it('keeps the framework order of groups and ranks competencies by the share below the requirement', () => {
    // A1: 10 of 100 (10 %), A2: 40 of 100 (40 %), A3: 40 of 100 with a larger mean gap, B1: 5 of 10.
    const groups = topGapsByGroup([row('A1', 100, 10, 5), row('A2', 100, 40, 20), row('A3', 100, 40, 30), row('B1', 10, 5, 4)], catalogue, 2);
    expect(groups.map((g) => g.groupCode)).toEqual(['B', 'A']);
    expect(groups[1]!.competencies.map((c) => [c.code, c.figures.needShare, c.figures.meanGap])).toEqual([
      ['A3', 0.4, 0.3],
      ['A2', 0.4, 0.2],
    ]);
  });

  it('leaves out competencies nobody falls short on', () => {
    expect(topGapsByGroup([row('B1', 10, 0, 0)], catalogue)[0]!.competencies).toEqual([]);
  });
});
