import { lazy } from 'react';
import { Route } from 'react-router';

const PlanPage = lazy(() => import('./PlanPage'));
const PlansListPage = lazy(() => import('./PlansListPage'));

/** Development plans under /training (plugged into TrainingPage's router). */
export const plansRoutes = [
  <Route key="plan" path="plan" element={<PlanPage />} />,
  <Route key="plans" path="plans" element={<PlansListPage />} />,
  <Route key="person-plan" path="plans/:personId" element={<PlanPage />} />,
];
