import { describe, expect, it } from 'vitest';
import { allocateGroup, holdsEveryLevel } from './group-enrolment.js';

describe('allocateGroup', () => {
  it('gives the free seats in the group order, puts the rest on the waiting list and keeps refusals apart', () => {
    const result = allocateGroup(
      [
        { personId: 'a', refusal: null },
        { personId: 'b', refusal: 'completed', sessionCode: 'S-1' },
        { personId: 'c', refusal: null },
        { personId: 'd', refusal: null },
        { personId: 'a', refusal: null },
      ],
      2,
    );
    expect(result).toEqual({ seats: ['a', 'c'], waitlist: ['d'], refused: [{ personId: 'b', reason: 'completed', sessionCode: 'S-1' }] });
  });

  it('puts everyone eligible on the waiting list when no seat is free (never a negative count)', () => {
    expect(allocateGroup([{ personId: 'a', refusal: null }], -3)).toEqual({ seats: [], waitlist: ['a'], refused: [] });
  });
});

describe('holdsEveryLevel', () => {
  const targets = [
    { code: 'C1', toLevel: 3 },
    { code: 'C2', toLevel: 4 },
  ];
  it('holds only when every competency is at or above its to-level', () => {
    expect(
      holdsEveryLevel(
        targets,
        new Map([
          ['C1', 3],
          ['C2', 4],
        ]),
      ),
    ).toBe(true);
    expect(
      holdsEveryLevel(
        targets,
        new Map([
          ['C1', 5],
          ['C2', 3],
        ]),
      ),
    ).toBe(false);
    expect(holdsEveryLevel(targets, new Map([['C1', 5]]))).toBe(false);
    expect(holdsEveryLevel([], new Map())).toBe(false);
  });
});
