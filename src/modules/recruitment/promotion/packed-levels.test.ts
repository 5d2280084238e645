import { describe, expect, it } from 'vitest';
import { packLevels, unpackLevels } from './packed-levels.js';

const a = '0b7a1f2e-0000-4000-8000-000000000001';
const b = '0b7a1f2e-0000-4000-8000-000000000002';
const c = '0b7a1f2e-0000-4000-8000-000000000003';

describe('packed levels', () => {
  it('unpacks every entry, numeric text as numbers', () => {
    expect([...unpackLevels(`${a}:3.50,${b}:1.00,${c}:4.25`)]).toEqual([
      [a, 3.5],
      [b, 1],
      [c, 4.25],
    ]);
  });

  it('keeps only the wanted competencies', () => {
    expect([...unpackLevels(`${a}:3.50,${b}:1.00,${c}:4.25`, new Set([c, a]))]).toEqual([
      [a, 3.5],
      [c, 4.25],
    ]);
  });

  it('reads nothing from an empty text and round-trips what it packs', () => {
    expect(unpackLevels('').size).toBe(0);
    const levels = new Map([
      [a, 2],
      [b, 3.33],
    ]);
    expect(unpackLevels(packLevels(levels))).toEqual(levels);
  });
});
