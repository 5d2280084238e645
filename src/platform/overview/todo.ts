import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/engine.js';

/**
 * One line of a user's overview to-do list: what is due, how many, and the
 * page that does it. The web app words it from `key` (overview.todo.<key> in
 * its vi and en catalogues), so a module adds an item without touching the
 * platform.
 */
export interface TodoItem {
  /** `<module>.<what>`, e.g. `assessment.formsToFill`. */
  key: string;
  count: number;
  /** A path of the web app (starts with '/'). */
  link: string;
  /** The nearest deadline among the counted things (ISO date), when they have one. */
  dueOn: string | null;
}

/** A module's contribution: only what this caller has to do, in the caller's scope. Roles it ignores get []. */
export type TodoSource = (db: Db, actor: Actor, today: string) => Promise<TodoItem[]>;

/** Items worth listing (count > 0), nearest deadline first, undated after, stable by key. */
export function orderTodo(items: readonly TodoItem[]): TodoItem[] {
  return items
    .filter((item) => item.count > 0)
    .sort((a, b) => {
      if (a.dueOn !== b.dueOn) return a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1;
      return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    });
}
