import type { Agent } from './test-app.js';
import { today } from '../../src/platform/clock.js';

/** The app's today plus `offset` days (yyyy-mm-dd), for cycle windows and effective dates in tests. */
export function day(offset: number): string {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

/** Polls a staff import job until it leaves its working phases (reading, validating, committing). */
export async function waitForJob(agent: Pick<Agent, 'get'>, jobId: string) {
  for (let i = 0; i < 200; i++) {
    const job = (await agent.get(`/api/people/import/${jobId}`)).json();
    if (!['reading', 'validating', 'committing'].includes(job.phase)) return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import job did not finish');
}
