import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { CliCommand, CliModule } from '../../platform/cli/cli-types.js';
import { rebuildCycleSummaries, vacuumNeedsSummaries } from './summaries.js';

/**
 * `npm run cli -- needs rebuild [--cycle ID]`: recompute the training-needs
 * summaries from the consolidated results. Consolidations keep them by deltas;
 * this is the repair path should they ever be in doubt (a restore of one table,
 * a hand edit of results).
 */
export const rebuildCommand: CliCommand = {
  summary: 'Recompute the training-needs summaries of one cycle (or all) from the consolidated results',
  usage: 'rebuild [--cycle ID]',
  async run(context) {
    const { values } = parseArgs({ args: context.args, options: { cycle: { type: 'string' } }, strict: true });
    const database = await context.openDatabase();
    try {
      const { rows: cycles } = await sql<{ id: string; name: string }>`
        SELECT id, name FROM assessment_cycles WHERE ${values.cycle ? sql`id::text = ${values.cycle}` : sql`true`} ORDER BY opens_on`.execute(database.db);
      if (values.cycle && cycles.length === 0) {
        context.err(`Không có đợt đánh giá ${values.cycle}. / No assessment cycle ${values.cycle}.`);
        return 1;
      }
      for (const cycle of cycles) {
        await rebuildCycleSummaries(database.db, cycle.id, (done, total) =>
          context.out(`${cycle.name}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`),
        );
      }
      await vacuumNeedsSummaries(database.db);
      context.out(`Đã tính lại tổng hợp của ${cycles.length} đợt. / Summaries of ${cycles.length} cycle(s) recomputed.`);
      return 0;
    } finally {
      await database.close();
    }
  },
};

export const needsCommands: CliModule = { rebuild: rebuildCommand };
