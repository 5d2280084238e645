import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/platform/db/engine.js';
import { VIETNAMESE_ACCENTED, foldForSearch } from '../../src/platform/text/fold.js';
import { foldedColumn } from '../../src/platform/text/vietnamese-sql.js';
import { createTestDatabase } from '../support/test-database.js';

/**
 * Folding exists once in TypeScript (foldForSearch, also the web app's) and
 * once in SQL (foldedColumn, for tables searched without a stored key): every
 * Vietnamese letter, in both cases, must fold the same way in both.
 */
const consonants = 'bcdđghklmnpqrstvx';
const vowels = 'aăâeêioôơuưy';
const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323']; // none, huyền, sắc, hỏi, ngã, nặng
const letters = [...consonants, ...[...vowels].flatMap((v) => tones.map((t) => (v + t).normalize('NFC')))].flatMap((ch) => [ch, ch.toUpperCase()]);

describe('accent folding in SQL and in TypeScript', () => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('the table covers every accented letter of the alphabet', () => {
    const changed = letters.filter((ch) => foldForSearch(ch) !== ch.toLowerCase() || /[đĐ]/.test(ch));
    expect([...VIETNAMESE_ACCENTED].sort()).toEqual(changed.sort());
  });

  it('folds every letter and a few names identically', async () => {
    const inputs = [...letters, 'Nguyễn Văn Ánh', 'ĐẶNG THỊ HOÀ', 'Phường Hoàn Kiếm', 'Sở Nội vụ', 'Quỳnh Lưu 2', 'plain ascii'];
    const values = sql.join(inputs.map((text, i) => sql`(${i}::int, ${text}::text)`));
    const { rows } = await sql<{ i: number; folded: string }>`
      SELECT v.i, ${foldedColumn('v.text')} AS folded FROM (VALUES ${values}) AS v(i, text) ORDER BY v.i`.execute(database.db);
    expect(rows.map((r) => r.folded)).toEqual(inputs.map(foldForSearch));
  });
});
