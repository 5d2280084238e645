import type { AnyJobDefinition } from '../platform/jobs/job-queue.js';
import { modules } from './registry.js';

/** Every job the server runs, read from the module registry (the platform imports no module). */
export const jobDefinitions: readonly AnyJobDefinition[] = modules.flatMap((m) => m.jobs ?? []);
