import { describe, expect, it } from 'vitest';
import { rollUp, toFigures } from './needs.figures.js';

const m = (people: number, needs: number, sumGap: number, extra = {}) => ({
  people,
  needs,
  sumGap,
  sumWeightedNeed: sumGap * 2,
  sumAssessed: people * 2.5,
  sumRequired: people * 3,
  ...extra,
});

describe('needs figures', () => {
  it('derives shares and means per assessed person', () => {
    expect(toFigures(m(40, 10, 12))).toEqual({
      people: 40,
      needs: 10,
      needShare: 0.25,
      meanGap: 0.3,
      meanWeightedNeed: 0.6,
      meanAssessed: 2.5,
      meanRequired: 3,
    });
  });

  it('shows zeros, not NaN, for an empty cell', () => {
    expect(toFigures(m(0, 0, 0)).needShare).toBe(0);
  });

  it('rolls competencies up into their groups', () => {
    const group: Record<string, string> = { DT1: 'G1', DT2: 'G1', PA1: 'G6' };
    const rows = [
      { agency: 'A', competency: 'DT1', ...m(10, 2, 3) },
      { agency: 'A', competency: 'DT2', ...m(10, 4, 5) },
      { agency: 'A', competency: 'PA1', ...m(10, 1, 1) },
      { agency: 'A', competency: 'UNKNOWN', ...m(10, 9, 9) },
    ];
    const cells = rollUp(
      rows,
      (r) => r.agency,
      (r) => group[r.competency],
    );
    expect(cells.get('A')!.get('G1')).toMatchObject({ people: 20, needs: 6, sumGap: 8 });
    expect(cells.get('A')!.get('G6')).toMatchObject({ people: 10, needs: 1 });
    expect(cells.get('A')!.size).toBe(2);
  });
});
