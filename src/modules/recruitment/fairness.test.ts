import { describe, expect, it } from 'vitest';
import { memberFairness, type MemberSheet } from './fairness.js';

const profile = [{ competencyId: 'A', requiredLevel: 4, criticality: 1 }];
const sheet = (userId: string, applicationId: string, level: number): MemberSheet => ({ userId, applicationId, stageId: 's', levels: new Map([['A', level]]) });

describe('fairness per panel member', () => {
  it('turns each member’s sheets into fits and flags the member far from the others (hand-computed)', () => {
    // Applications 1 and 2: m1, m2 and m4 give 4 and 3; m3 gives 2 and 1.
    const sheets = ['m1', 'm2', 'm4'].flatMap((m) => [sheet(m, '1', 4), sheet(m, '2', 3)]).concat([sheet('m3', '1', 2), sheet('m3', '2', 1)]);
    const [m1, , m3] = memberFairness(sheets, () => profile);
    // m1: the others' medians are 4 (4, 2, 4) and 3 (3, 1, 3) → deviations 0, 0.
    expect(m1).toMatchObject({ userId: 'm1', sheets: 2, compared: 2, meanDeviation: 0, meanAbsoluteDeviation: 0, flag: null });
    // Fits 4/4 = 100 and 3/4 = 75.
    expect(m1!.fits).toEqual({ count: 2, mean: 87.5, median: 87.5, sd: 12.5, min: 75, max: 100 });
    // m3: the others' medians 4 and 3 → deviations −2, −2: harsher by two levels.
    expect(m3).toMatchObject({ userId: 'm3', meanDeviation: -2, meanAbsoluteDeviation: 2, flag: 'far_from_others' });
  });

  it('does not flag a member alone on every sheet (nothing to compare)', () => {
    expect(memberFairness([sheet('m1', '1', 1)], () => profile)[0]).toMatchObject({ compared: 0, meanDeviation: null, flag: null });
  });
});
