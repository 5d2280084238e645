import { parseArgs } from 'node:util';
import type { CliCommand } from '../platform/cli/cli-types.js';
import { buildNationalDataset, NATIONAL_SCALE } from './national-dataset.js';

/**
 * `npm run seed -- --scale national [--people N] [--seed S]`: the synthetic
 * national data set of issue 7 (250,000 civil servants by default) into the
 * configured database (DATA_DIR or DATABASE_URL). Prints each step's time.
 */
export const nationalDatasetCommand: CliCommand = {
  summary: 'Synthetic national data set: all communes, 250,000 staff, 500 positions, two 360° cycles, consolidated',
  usage: 'seed --scale national [--people N] [--seed S] [--peers K]',
  async run(context) {
    const { values } = parseArgs({
      args: context.args,
      options: { scale: { type: 'string' }, people: { type: 'string' }, seed: { type: 'string' }, peers: { type: 'string' } },
      strict: true,
    });
    if (values.scale !== 'national') {
      context.err('--scale chỉ nhận giá trị "national". / --scale takes "national".');
      return 1;
    }
    const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
    const options = {
      ...NATIONAL_SCALE,
      people: number(values.people, NATIONAL_SCALE.people),
      seed: number(values.seed, NATIONAL_SCALE.seed),
      peers: number(values.peers, NATIONAL_SCALE.peers),
    };
    if (![options.people, options.seed, options.peers].every((n) => Number.isInteger(n) && n >= 0)) {
      context.err('--people, --seed, --peers phải là số nguyên không âm. / must be whole numbers.');
      return 1;
    }
    const database = await context.openDatabase();
    try {
      const result = await buildNationalDataset(database.db, { ...options, log: (line) => context.out(line) });
      context.out(
        `Đã tạo bộ dữ liệu quốc gia / national data set: ${result.people.toLocaleString('en')} people, ${result.positions} positions, ` +
          `${result.ratings.toLocaleString('en')} ratings, ${result.results.toLocaleString('en')} results in ${result.seconds.toFixed(0)} s (${database.engine}).`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
