import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  compareVietnameseNames,
  foldForSearch,
  nameSortKey,
  normalizeVietnamese,
  splitVietnameseName,
  vietnameseCollator,
  vietnameseSortKey,
} from './vietnamese.js';

const codeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('normalisation and search folding', () => {
  it('NFC-normalises decomposed input and collapses spaces', () => {
    const decomposed = 'Nguyễn  Văn   A'.normalize('NFD');
    expect(normalizeVietnamese(decomposed)).toBe('Nguyễn Văn A');
    expect(normalizeVietnamese(decomposed)).toHaveLength('Nguyễn Văn A'.normalize('NFC').length);
  });

  it('folds accents and đ so a plain query matches', () => {
    expect(foldForSearch('Nguyễn Văn A')).toBe('nguyen van a');
    expect(foldForSearch('Đặng Thị Đào')).toBe('dang thi dao');
    expect(foldForSearch('Hoà')).toBe(foldForSearch('Hòa'));
    expect(foldForSearch('NGUYỄN'.normalize('NFD'))).toBe('nguyen');
    // Old lists write Đ as the look-alike eth 'Ð' (U+00D0).
    expect(foldForSearch('\u00d0ức')).toBe('duc');
    expect(normalizeVietnamese('\u00d0ức')).toBe('Đức');
  });
});

describe('name parts', () => {
  it('reads surname, middle and given name', () => {
    expect(splitVietnameseName('Nguyễn Thị Ngọc Ánh')).toEqual({ surname: 'Nguyễn', middle: 'Thị Ngọc', given: 'Ánh' });
    expect(splitVietnameseName('Lê Lợi')).toEqual({ surname: 'Lê', middle: '', given: 'Lợi' });
    expect(splitVietnameseName('  ')).toEqual({ surname: '', middle: '', given: '' });
  });
});

describe('Vietnamese collation', () => {
  it('sorts by given name first, then middle, then surname', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Văn An', 'Lê Thị An', 'Nguyễn Thị Bình', 'Phạm Anh'];
    expect([...names].sort(compareVietnameseNames)).toEqual(['Lê Thị An', 'Nguyễn Văn An', 'Phạm Anh', 'Nguyễn Thị Bình', 'Trần Văn Bình']);
  });

  it('treats ă â đ ê ô ơ ư as letters after their base letter', () => {
    const words = ['Đức', 'Dung', 'Ân', 'Anh', 'Ơn', 'Ông', 'Oanh', 'Ưng', 'Uyên', 'Ê', 'Em'];
    expect([...words].sort(vietnameseCollator.compare)).toEqual(['Anh', 'Ân', 'Dung', 'Đức', 'Em', 'Ê', 'Oanh', 'Ông', 'Ơn', 'Uyên', 'Ưng']);
  });

  it('gives a bytewise key that orders single words exactly like Intl.Collator("vi")', () => {
    const words = [
      'ba',
      'bà',
      'bả',
      'bã',
      'bá',
      'bạ',
      'Ba',
      'an',
      'An',
      'anh',
      'ăn',
      'ân',
      'Hoà',
      'Hòa',
      'Hoa',
      'đa',
      'da',
      'dạ',
      'an h',
      'an-h',
      'an2',
      'ưu',
      'ừu',
      'ơi',
      'ối',
    ];
    const byCollator = [...words].sort((a, b) => vietnameseCollator.compare(a, b) || codeOrder(a, b));
    const byKey = [...words].sort((a, b) => codeOrder(vietnameseSortKey(a), vietnameseSortKey(b)) || codeOrder(a, b));
    expect(byKey).toEqual(byCollator);
  });

  it('gives a name key that orders real names like the comparator (2,000 names from the name lists)', () => {
    const dir = fileURLToPath(new URL('../../modules/people/name-lists/', import.meta.url));
    const given = readFileSync(dir + 'duyet_namedb_boy.txt', 'utf8')
      .split('\n')
      .concat(readFileSync(dir + 'duyet_namedb_girl.txt', 'utf8').split('\n'))
      .map((s) => s.trim())
      .filter(Boolean);
    const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Vũ', 'Đặng', 'Đỗ', 'Dương', 'Ngô', 'Hồ', 'Bùi'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const names = Array.from({ length: 2000 }, () => `${surnames[Math.floor(next() * surnames.length)]} ${given[Math.floor(next() * given.length)]}`);
    const byComparator = [...names].sort((a, b) => compareVietnameseNames(a, b) || codeOrder(a, b));
    const byKey = [...names].sort((a, b) => codeOrder(nameSortKey(a), nameSortKey(b)) || codeOrder(a, b));
    expect(byKey).toEqual(byComparator);
  });
});
