import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './people.tables.js';
import * as staffImportJobs from './migrations/0010_staff_import_jobs.js';
import { peopleRoutes } from './people.routes.js';
import { peopleJobs } from './people.jobs.js';
import { peopleCommands } from './people.cli.js';
import { peopleDemoSeeder } from './people.demo.js';
import { peopleTodo } from './people.todo.js';

export const peopleModule: ModuleDescriptor = {
  name: 'people',
  routes: [{ prefix: '/api/people', plugin: peopleRoutes }],
  demoSeed: peopleDemoSeeder,
  migrations: { '0010_staff_import_jobs': staffImportJobs },
  jobs: peopleJobs,
  cli: peopleCommands,
  todo: peopleTodo,
};
