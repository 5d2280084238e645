import type { Migration, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AppInstance } from '../http/types.js';
import type { AnyJobDefinition } from '../jobs/job-queue.js';
import type { CliModule } from '../cli/cli-types.js';
import type { TodoSource } from '../overview/todo.js';

export interface DemoContext {
  /** Agency ids by demo code (BNV, HN, HN-SNV, ...): the org module's seeder, first in the registry, fills it. */
  agencyIds: Map<string, string>;
}

export type DemoSeeder = (trx: Transaction<Database>, context: DemoContext) => Promise<void>;

/**
 * Everything a module plugs into the app, in one value: the composition root
 * (src/modules/registry.ts) lists the descriptors and each entry point (app,
 * migrator, demo seeder, CLI, job runner) reads the part it needs. The platform
 * declares this shape and never imports a module. Event handlers stay in
 * src/modules/events.ts: modules import `emit` from there, and deriving it from
 * the registry would close an import loop through every module at load time.
 */
export interface ModuleDescriptor {
  name: string;
  routes?: ReadonlyArray<{ prefix: string; plugin: (app: AppInstance) => Promise<void> }>;
  /** Keyed by migration name (NNNN_name): Kysely orders all modules' migrations by name. */
  migrations?: Record<string, Migration>;
  /** Runs inside the one demo transaction, in registry order. */
  demoSeed?: DemoSeeder;
  jobs?: readonly AnyJobDefinition[];
  /** `npm run cli -- <name> <command>`. */
  cli?: CliModule;
  /** The module's lines of the caller's overview to-do list (GET /api/overview/todo asks every module). */
  todo?: TodoSource;
}
