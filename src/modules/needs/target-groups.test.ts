import { describe, expect, it } from 'vitest';
import { buildTargetGroups, type PersonNeeds } from './target-groups.js';

const person = (id: string, agencyId: string, needs: Array<[string, number, number?]>): PersonNeeds => ({
  personId: id,
  agencyId,
  needs: needs.map(([competencyId, gap, criticality = 2]) => ({ competencyId, gap, weightedNeed: gap * criticality })),
});

const many = (prefix: string, n: number, agencyId: string, needs: Array<[string, number, number?]>) =>
  Array.from({ length: n }, (_, i) => person(`${prefix}${String(i).padStart(3, '0')}`, agencyId, needs));

const options = { minSize: 5, maxSize: 30, sharedShare: 0.6 };

describe('target groups', () => {
  it('groups people by their two largest needs and describes what they share', () => {
    const people = [
      ...many('a', 8, 'HN', [
        ['DATA', 2],
        ['SEC', 1],
        ['LAW', 0.5, 1],
      ]),
      ...many('b', 6, 'DN', [
        ['COMM', 1],
        ['ETHICS', 1],
      ]),
    ];
    const groups = buildTargetGroups(people, options);
    expect(groups.map((g) => [g.key, g.size])).toEqual([
      ['DATA+SEC', 8],
      ['COMM+ETHICS', 6],
    ]);
    expect(groups[0]!.sharedGaps).toEqual([
      { competencyId: 'DATA', share: 1, meanGap: 2 },
      { competencyId: 'SEC', share: 1, meanGap: 1 },
      { competencyId: 'LAW', share: 1, meanGap: 0.5 },
    ]);
    expect(groups[0]!.agencies).toEqual([{ agencyId: 'HN', people: 8 }]);
  });

  it('leaves out people without needs: nobody is sent to learn what they know', () => {
    const groups = buildTargetGroups([...many('a', 5, 'HN', [['DATA', 1]]), person('x', 'HN', [])], options);
    expect(groups.flatMap((g) => g.personIds)).not.toContain('x');
  });

  it('folds a too-small group into a group that shares its first need', () => {
    const people = [
      ...many('a', 10, 'HN', [
        ['DATA', 2],
        ['SEC', 1],
      ]),
      ...many('s', 2, 'DN', [
        ['DATA', 3],
        ['LAW', 1],
      ]),
    ];
    const groups = buildTargetGroups(people, options);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.size).toBe(12);
    expect(groups[0]!.agencies).toEqual([
      { agencyId: 'HN', people: 10 },
      { agencyId: 'DN', people: 2 },
    ]);
  });

  it('keeps a small group with no compatible host as its own group', () => {
    const groups = buildTargetGroups([...many('a', 10, 'HN', [['DATA', 2]]), ...many('z', 2, 'HN', [['ETHICS', 1]])], options);
    expect(groups.map((g) => [g.key, g.size])).toEqual([
      ['DATA', 10],
      ['ETHICS', 2],
    ]);
  });

  it('splits a large group into balanced classes of similar need', () => {
    const people = [
      ...many('h', 35, 'HN', [
        ['DATA', 3],
        ['SEC', 2],
      ]),
      ...many('l', 35, 'HN', [
        ['DATA', 1],
        ['SEC', 0.5],
      ]),
    ];
    const groups = buildTargetGroups(people, options);
    expect(groups.map((g) => g.size)).toEqual([24, 23, 23]);
    // the first class holds the largest needs
    expect(groups.find((g) => g.key === 'DATA+SEC#1')!.personIds.every((id) => id.startsWith('h'))).toBe(true);
  });

  it('is deterministic whatever the input order', () => {
    const people = [
      ...many('a', 7, 'HN', [
        ['DATA', 2],
        ['SEC', 1],
      ]),
      ...many('b', 9, 'DN', [
        ['SEC', 2],
        ['DATA', 1],
      ]),
    ];
    const forward = buildTargetGroups(people, options);
    const backward = buildTargetGroups([...people].reverse(), options);
    expect(backward).toEqual(forward);
  });
});
