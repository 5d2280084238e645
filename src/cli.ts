import { readConfig } from './platform/config.js';
import { openDatabase } from './platform/db/engine.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { seedDemoIfEmpty } from './platform/demo/seed-demo.js';
import { demoSeeders, migrations, modules as registry } from './modules/registry.js';
import type { CliCommand, CliContext, CliModule } from './platform/cli/cli-types.js';
import { nationalDatasetCommand } from './dataset/dataset.cli.js';

/**
 * Command-line entry: `npm run cli -- <module> <command> [options]`.
 * A module's commands are the `cli` of its descriptor in src/modules/registry.ts.
 */
const modules: Record<string, CliModule> = Object.fromEntries(registry.flatMap((m) => (m.cli ? [[m.name, m.cli]] : [])));

/** Commands without a module (`npm run cli -- seed`). */
const topLevel: Record<string, CliCommand> = {
  seed: {
    summary: 'Load the demo into an empty database; with --people N add a demo country; with --scale national the benchmark data set',
    usage: 'seed [--people N [--seed S]] | seed --scale national',
    async run(context) {
      if (context.args.some((a) => a.startsWith('--scale'))) return nationalDatasetCommand.run(context);
      if (context.args.some((a) => a.startsWith('--people'))) return modules.people!.seed!.run(context);
      const database = await context.openDatabase();
      try {
        const loaded = await seedDemoIfEmpty(database.db, demoSeeders);
        context.out(
          loaded ? 'Đã nạp dữ liệu mẫu. / Demo data loaded.' : 'Cơ sở dữ liệu đã có dữ liệu, không nạp lại. / The database is not empty; nothing loaded.',
        );
        return 0;
      } finally {
        await database.close();
      }
    },
  },
};

function help(out: (line: string) => void): void {
  out('Cách dùng / usage: npm run cli -- <module> <command> [options]');
  for (const command of Object.values(topLevel)) out(`  ${command.usage.padEnd(70)} ${command.summary}`);
  for (const [module, commands] of Object.entries(modules)) {
    for (const command of Object.values(commands)) out(`  ${`${module} ${command.usage}`.padEnd(70)} ${command.summary}`);
  }
}

export async function runCli(argv: string[]): Promise<number> {
  const out = (line: string) => process.stdout.write(line + '\n');
  const err = (line: string) => process.stderr.write(line + '\n');
  const config = readConfig();
  const makeContext = (args: string[]): CliContext => ({
    args,
    out,
    err,
    async openDatabase() {
      const database = await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir });
      try {
        await migrateToLatest(database.db, migrations);
      } catch (error) {
        await database.close();
        throw error;
      }
      return database;
    },
  });
  const [first, second, ...rest] = argv;
  if (!first || first === 'help' || first === '--help') {
    help(out);
    return first ? 0 : 1;
  }
  const top = topLevel[first];
  if (top) return top.run(makeContext(second === undefined ? rest : [second, ...rest]));
  const module = modules[first];
  const command = module && second ? module[second] : undefined;
  if (!command) {
    err(`Không có lệnh "${[first, second].filter(Boolean).join(' ')}". / Unknown command.`);
    help(err);
    return 1;
  }
  return command.run(makeContext(rest));
}

// Run when executed directly (tsx src/cli.ts ...), not when imported by tests.
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/src/cli.ts')) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
