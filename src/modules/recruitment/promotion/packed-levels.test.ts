import { describe, expect, it } from 'vitest';
import { PackedLevelsReader } from './packed-levels.js';

const a = '0b7a1f2e-0000-4000-8000-000000000001';
const b = '0b7a1f2e-0000-4000-8000-000000000002';
const c = '0b7a1f2e-0000-4000-8000-000000000003';
const d = '0b7a1f2e-0000-4000-8000-000000000004';

describe('packed levels', () => {
  it("reads each level of the profile's competencies, in any order, and nothing of the others", () => {
    const reader = new PackedLevelsReader([c, a, d]);
    reader.addList('k1', `${a},${b},${c}`);
    const levels = reader.levels('k1', '3.50,1.00,4.25');
    expect([a, b, c, d].map((id) => levels.get(id))).toEqual([3.5, undefined, 4.25, undefined]);
  });

  it('gives the same numbers as Number() of the text, whole or with decimals', () => {
    const texts = ['3.33', '0.10', '4.67', '5.00', '2.01', '1.99', '0.00', '3', '12.5', '-1.25'];
    const ids = texts.map((_, i) => `0b7a1f2e-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const reader = new PackedLevelsReader(ids);
    reader.addList('k', ids.join(','));
    const levels = reader.levels('k', texts.join(','));
    expect(ids.map((id) => levels.get(id))).toEqual(texts.map(Number));
  });

  it('reads people of different lists side by side, and refuses a key it was not given', () => {
    const reader = new PackedLevelsReader([a, b]);
    reader.addList('k1', `${a},${b}`);
    reader.addList('k2', `${b}`);
    expect(reader.levels('k1', '2.00,3.00').get(b)).toBe(3);
    expect(reader.levels('k2', '4.00').get(b)).toBe(4);
    expect(reader.levels('k2', '4.00').get(a)).toBeUndefined();
    expect(() => reader.levels('k3', '1.00')).toThrow(/no competency list/);
  });
});
