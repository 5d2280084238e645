import type { TodoSource } from '../overview/todo.js';
import { listQueues } from './jobs.routes.js';

/** The national administrator's failed background jobs (after every retry), as the jobs page counts them. */
export const jobsTodo: TodoSource = async (db, actor) => {
  if (actor.role !== 'national_admin') return [];
  const failed = (await listQueues(db)).reduce((sum, q) => sum + q.failed, 0);
  return [{ key: 'platform.jobsFailed', count: failed, link: '/jobs', dueOn: null }];
};
