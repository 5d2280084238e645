import type { AppInstance } from '../../../platform/http/types.js';
import { institutionsRoutes } from './institutions.routes.js';
import { coursesRoutes } from './courses.routes.js';

/** The catalogue's routes under /api/training: /institutions, /courses, /lecturers, /catalogue. */
export async function catalogueRoutes(app: AppInstance): Promise<void> {
  await institutionsRoutes(app);
  await coursesRoutes(app);
}
