import { parseArgs } from 'node:util';
import type { CliCommand, CliContext, CliModule } from '../../platform/cli/cli-types.js';
import { seedDemoIfEmpty } from '../../platform/demo/seed-demo.js';
import { demoSeeders } from '../registry.js';
import { seedCountry } from './demo/seed-country.js';

/**
 * `npm run cli -- people seed --people N [--seed S]` (and `npm run seed -- --people N`
 * once the top-level seed delegates here): the demo accounts if the database is
 * empty, then a country-sized register on top.
 */
export const seedCountryCommand: CliCommand = {
  summary: 'Demo country: agencies in all 34 provinces and N civil servants (reproducible with --seed)',
  usage: 'seed --people N [--seed S]',
  async run(context: CliContext) {
    const { values } = parseArgs({ args: context.args, options: { people: { type: 'string' }, seed: { type: 'string' } }, strict: true });
    const people = Number(values.people ?? 1000);
    const seed = Number(values.seed ?? 2026);
    if (!Number.isInteger(people) || people < 0 || people > 2_000_000 || !Number.isInteger(seed)) {
      context.err('--people và --seed phải là số nguyên. / --people and --seed must be whole numbers.');
      return 1;
    }
    const database = await context.openDatabase();
    try {
      await seedDemoIfEmpty(database.db, demoSeeders);
      const started = performance.now();
      const result = await seedCountry(database.db, { people, seed });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      context.out(
        `Đã tạo ${result.peopleAdded} cán bộ mới, ${result.agencies} cơ quan (${seconds} s, seed ${seed}). / Added ${result.peopleAdded} civil servants, ${result.agencies} agencies.`,
      );
      if (!result.positionsAvailable) context.out('Chưa có danh mục vị trí việc làm: để trống vị trí. / No job-position catalogue: positions left empty.');
      return 0;
    } finally {
      await database.close();
    }
  },
};

export const peopleCommands: CliModule = { seed: seedCountryCommand };
