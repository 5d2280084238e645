import { sql, type RawBuilder } from 'kysely';
import { VIETNAMESE_ACCENTED, foldForSearch } from './fold.js';

// translate()'s table, built from fold.ts: every accented letter and what
// foldForSearch makes of it, so SQL and TypeScript cannot drift apart (NFC input).
const FOLD_FROM = VIETNAMESE_ACCENTED;
const FOLD_TO = [...VIETNAMESE_ACCENTED].map((ch) => foldForSearch(ch)).join('');

/**
 * A text column folded in SQL as `foldForSearch` folds in JS (no diacritics,
 * lower case), for the few small tables (agencies, accounts) searched without a
 * stored search column; the staff register stores its folded name instead.
 */
export function foldedColumn(column: string): RawBuilder<string> {
  return sql<string>`lower(translate(${sql.ref(column)}, ${FOLD_FROM}, ${FOLD_TO}))`;
}
