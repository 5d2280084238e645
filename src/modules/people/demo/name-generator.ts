import { normalizeVietnamese } from '../../../platform/text/vietnamese.js';

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same demo country. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface WeightedSurname {
  surname: string;
  weight: number;
}

/**
 * Surname shares from the frequency table's Vietnam rows. "Huỳnh/Hoàng" and
 * "Vũ/Võ" are one Hán surname written two ways (south/north): each spelling gets
 * half. Surnames listed without a figure share what the listed figures leave.
 */
export function surnameWeights(csv: string): WeightedSurname[] {
  const rows = csv
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','))
    .filter((c) => c[0] === 'VN');
  const known = rows.filter((c) => c[7]).reduce((sum, c) => sum + Number(c[7]), 0);
  const unknownCount = rows.filter((c) => !c[7]).length;
  const rest = unknownCount > 0 ? Math.max(0, 1 - known) / unknownCount : 0;
  return rows.flatMap((c) => {
    const weight = c[7] ? Number(c[7]) : rest;
    const spellings = normalizeVietnamese(c[5]!).split('/');
    return spellings.map((surname) => ({ surname, weight: weight / spellings.length }));
  });
}

export interface NameLists {
  surnames: WeightedSurname[];
  /** Entries of the given-name lists: usually "middle given" ("Phương Linh"). */
  male: string[];
  female: string[];
  middleMale: string[];
  middleFemale: string[];
}

export interface GeneratedName {
  fullName: string;
  gender: 'male' | 'female';
}

/** Draws names with real surname frequencies; deterministic for a given PRNG. */
export function nameGenerator(lists: NameLists, random: () => number): () => GeneratedName {
  const total = lists.surnames.reduce((s, x) => s + x.weight, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const s of lists.surnames) cumulative.push((acc += s.weight / total));
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const surname = () => {
    const r = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lists.surnames[lo]!.surname;
  };
  return () => {
    const gender = random() < 0.5 ? 'male' : 'female';
    const entry = pick(gender === 'male' ? lists.male : lists.female);
    // Civil servants' generation mostly carries the traditional middle names (Văn, Thị).
    const given = random() < 0.6 ? entry : `${pick(gender === 'male' ? lists.middleMale : lists.middleFemale)} ${entry.split(' ').pop()}`;
    return { fullName: normalizeVietnamese(`${surname()} ${given}`), gender };
  };
}
