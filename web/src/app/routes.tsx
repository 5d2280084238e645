import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../auth/roles';
import { navItem } from './navigation';
import { loadOverviewPage } from './overviewPrefetch';

export interface AppRoute {
  /** react-router path; end with `/*` when the module has its own nested <Routes>. */
  path: string;
  /** Who may open it; usually the roles of the module's navigation item. */
  roles: readonly Role[];
  page: LazyExoticComponent<ComponentType>;
}

// Each page is its own chunk, so the sign-in page and the shell load fast and a
// module's code is fetched only by those who open it.
export const APP_ROUTES: readonly AppRoute[] = [
  { path: '/', roles: navItem('overview').roles, page: lazy(loadOverviewPage) },
  { path: '/frameworks/*', roles: navItem('frameworks').roles, page: lazy(() => import('../modules/frameworks/FrameworksPage')) },
  { path: '/positions/*', roles: navItem('positions').roles, page: lazy(() => import('../modules/positions/PositionsPage')) },
  { path: '/org/*', roles: navItem('org').roles, page: lazy(() => import('../modules/org/OrgPage')) },
  { path: '/people/*', roles: navItem('people').roles, page: lazy(() => import('../modules/people/PeoplePage')) },
  { path: '/assessments/*', roles: navItem('assessments').roles, page: lazy(() => import('../modules/assessments/AssessmentsPage')) },
  { path: '/needs/*', roles: navItem('needs').roles, page: lazy(() => import('../modules/needs/NeedsPage')) },
  { path: '/training/*', roles: navItem('training').roles, page: lazy(() => import('../modules/training/TrainingPage')) },
  { path: '/evaluation/*', roles: navItem('evaluation').roles, page: lazy(() => import('../modules/evaluation/EvaluationPage')) },
  {
    // The assessment side of a recruitment campaign: panel members are staff of any role (the server checks the seat).
    path: '/recruitment/assess/*',
    roles: ['national_admin', 'hr_officer', 'leader', 'civil_servant', 'expert', 'trainer'],
    page: lazy(() => import('../modules/recruitment/RecruitmentAssessmentPage')),
  },
  { path: '/planning/*', roles: navItem('planning').roles, page: lazy(() => import('../modules/planning/PlanningPage')) },
  // Civil servants reach it from a public notice to apply, without a navigation item of their own.
  {
    path: '/recruitment/*',
    roles: [...navItem('recruitment').roles, 'civil_servant'],
    page: lazy(() => import('../modules/recruitment/RecruitmentPage')),
  },
  { path: '/promotions', roles: navItem('promotions').roles, page: lazy(() => import('../modules/recruitment/promotion/PromotionPage')) },
  { path: '/accounts', roles: navItem('accounts').roles, page: lazy(() => import('../modules/accounts/AccountsPage')) },
  { path: '/audit', roles: navItem('audit').roles, page: lazy(() => import('../modules/audit/AuditLogPage')) },
  { path: '/jobs', roles: navItem('jobs').roles, page: lazy(() => import('../modules/jobs/JobsPage')) },
  { path: '/me/*', roles: navItem('me').roles, page: lazy(() => import('../modules/me/MyProfilePage')) },
];

/**
 * Pages anyone opens without signing in, drawn outside the signed-in layout (App.tsx looks here before the
 * session decides between the sign-in page and the shell). Training certificates' public verification.
 */
export const PUBLIC_ROUTES: readonly Omit<AppRoute, 'roles'>[] = [
  { path: '/verify', page: lazy(() => import('../modules/training/credentials/VerifyPage')) },
  { path: '/verify/:id', page: lazy(() => import('../modules/training/credentials/VerifyPage')) },
  // The recruitment notice board and the candidate's sign-up (issue 17).
  { path: '/careers', page: lazy(() => import('../modules/recruitment/CareersPage')) },
  { path: '/careers/:id', page: lazy(() => import('../modules/recruitment/CareersPage')) },
];
