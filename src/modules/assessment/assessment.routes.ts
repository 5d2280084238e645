import type { AppInstance } from '../../platform/http/types.js';
import { cycleRoutes } from './cycles.routes.js';
import { formRoutes } from './forms.routes.js';
import { teamRoutes } from './team.routes.js';

/** Everything under /api/assessments (the overdue reminders are a job: assessment.jobs.ts). */
export async function assessmentRoutes(app: AppInstance): Promise<void> {
  await cycleRoutes(app);
  await formRoutes(app);
  await teamRoutes(app);
}
