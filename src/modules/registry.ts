import type { Migration } from 'kysely';
import type { DemoSeeder, ModuleDescriptor } from '../platform/modules/module-descriptor.js';
import type { TodoSource } from '../platform/overview/todo.js';
import { platformModule } from '../platform/platform.module.js';
import { orgModule } from './org/org.module.js';
import { frameworkModule } from './framework/framework.module.js';
import { positionsModule } from './positions/positions.module.js';
import { peopleModule } from './people/people.module.js';
import { accountsModule } from './accounts/accounts.module.js';
import { assessmentModule } from './assessment/assessment.module.js';
import { needsModule } from './needs/needs.module.js';
import { trainingModule } from './training/training.module.js';
import { evaluationModule } from './evaluation/evaluation.module.js';
import { planningModule } from './planning/planning.module.js';
import { recruitmentModule } from './recruitment/recruitment.module.js';

/**
 * THE list of modules (the composition root): the app, the migrator, the demo
 * seeder, the CLI and the job runner read it; the platform imports none of
 * them. A module comes after every module it imports (test/platform/import-graph.test.ts);
 * the order is also the demo seeding order (org's agencies first, the national
 * framework before the positions made from it, staff before their accounts).
 * A new module is its folder plus one line here.
 */
export const modules: readonly ModuleDescriptor[] = [
  platformModule,
  orgModule,
  frameworkModule,
  positionsModule,
  peopleModule,
  accountsModule,
  assessmentModule,
  needsModule,
  trainingModule,
  evaluationModule,
  planningModule,
  recruitmentModule,
];

/** Every module's migrations in one record; names are unique and never change once landed. */
export const migrations: Record<string, Migration> = Object.fromEntries(
  modules.flatMap((m) => Object.entries(m.migrations ?? {})).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
);

export const demoSeeders: readonly DemoSeeder[] = modules.flatMap((m) => (m.demoSeed ? [m.demoSeed] : []));

/** Every descriptor's routes, in registry order: also the order of the OpenAPI document. */
export const moduleRoutes = modules.flatMap((m) => m.routes ?? []);

/** Every descriptor's to-do contribution, in registry order: the overview route asks each one. */
export const todoSources: readonly TodoSource[] = modules.flatMap((m) => (m.todo ? [m.todo] : []));
