import type { AppInstance } from '../../platform/http/types.js';
import { cycleRoutes } from './cycles.routes.js';
import { formRoutes } from './forms.routes.js';
import { remindOverdueRaters } from './progress.service.js';

/** How often overdue raters are looked for; each is reminded at most once a day. */
const REMINDER_INTERVAL_MS = 60 * 60 * 1000;

/** Everything under /api/assessments, and the hourly overdue-reminder job. */
export async function assessmentRoutes(app: AppInstance): Promise<void> {
  await cycleRoutes(app);
  await formRoutes(app);

  // The platform has no job runner yet: a timer that lives and dies with the
  // server (unref'd, so it never keeps a process or a test alive).
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      remindOverdueRaters(app.db).catch((error: unknown) => app.log.error({ err: error }, 'overdue reminders failed'));
    }, REMINDER_INTERVAL_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
