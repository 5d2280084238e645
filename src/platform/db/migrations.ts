import type { Migration } from 'kysely';
import * as foundation from './migrations/0001_foundation.js';

/**
 * Every migration of every module, in order. Names are numbered and never
 * change once landed; a module adds its own file and one line here.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
};
