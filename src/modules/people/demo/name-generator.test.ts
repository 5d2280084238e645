import { describe, expect, it } from 'vitest';
import { nameGenerator, seededRandom } from './name-generator.js';
import { shippedNameLists } from './name-lists.js';

const lists = shippedNameLists();

describe('demo name generator', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const draw = (seed: number) => {
      const next = nameGenerator(lists, seededRandom(seed));
      return Array.from({ length: 50 }, () => next().fullName);
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('follows real surname frequencies (Nguyễn ≈ 38 %, Trần ≈ 11 %)', () => {
    const next = nameGenerator(lists, seededRandom(1));
    const counts = new Map<string, number>();
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const surname = next().fullName.split(' ')[0]!;
      counts.set(surname, (counts.get(surname) ?? 0) + 1);
    }
    expect((counts.get('Nguyễn') ?? 0) / n).toBeGreaterThan(0.35);
    expect((counts.get('Nguyễn') ?? 0) / n).toBeLessThan(0.41);
    expect((counts.get('Trần') ?? 0) / n).toBeGreaterThan(0.09);
    expect((counts.get('Trần') ?? 0) / n).toBeLessThan(0.13);
    expect(counts.has('Hoàng') && counts.has('Huỳnh') && counts.has('Vũ') && counts.has('Võ')).toBe(true);
  });

  it('writes NFC names with a real Đ, never the look-alike Ð', () => {
    const next = nameGenerator(lists, seededRandom(7));
    for (let i = 0; i < 5000; i++) {
      const { fullName } = next();
      expect(fullName).toBe(fullName.normalize('NFC'));
      expect(fullName).not.toMatch(/\u00d0/);
      expect(fullName.split(' ').length).toBeGreaterThanOrEqual(3);
    }
  });
});
