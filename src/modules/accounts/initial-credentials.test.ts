import { describe, expect, it } from 'vitest';
import { initialPassword, uniqueUsername, usernameBase } from './initial-credentials.js';

describe('usernameBase', () => {
  it('writes the given name then the initials, without diacritics', () => {
    expect(usernameBase('Nguyễn Thị Lan', 'HN-001')).toBe('lannt');
    expect(usernameBase('Đặng Văn Đức', 'HN-002')).toBe('ducdv');
    expect(usernameBase('  Trần   Quốc  Bảo Anh ', 'X')).toBe('anhtqb');
  });
  it('falls back to the staff code when too little of the name is left', () => {
    expect(usernameBase('李', 'HN-003')).toBe('hn-003');
    expect(usernameBase('Vũ', 'A1')).toBe('vua1');
  });
});

describe('uniqueUsername', () => {
  it('numbers a taken name and remembers what it gave out', () => {
    const taken = new Set(['lannt']);
    expect(uniqueUsername('lannt', taken)).toBe('lannt2');
    expect(uniqueUsername('lannt', taken)).toBe('lannt3');
    expect(uniqueUsername('ducdv', taken)).toBe('ducdv');
  });
});

describe('initialPassword', () => {
  it('is long enough for the password rule, unambiguous and different each time', () => {
    const passwords = Array.from({ length: 50 }, initialPassword);
    for (const p of passwords) {
      expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{4}-[a-km-zA-HJ-NP-Z2-9]{4}-[a-km-zA-HJ-NP-Z2-9]{4}$/);
      expect(p.length).toBeGreaterThanOrEqual(10);
    }
    expect(new Set(passwords).size).toBe(50);
  });
});
