import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import type { TrainingSection } from '../trainingSection';

const PlanPage = lazy(() => import('./PlanPage'));
const PlansListPage = lazy(() => import('./PlansListPage'));

/** The person's development plan; the agency's plans for HR and leaders (a leader decides from a person's plan). */
export const plansSections: TrainingSection[] = [
  { path: 'plan', label: 'trainingTabs.plan', person: true, element: <PlanPage /> },
  {
    path: 'plans',
    label: 'trainingTabs.plans',
    roles: ['national_admin', 'hr_officer', 'leader'],
    element: (
      <Routes>
        <Route index element={<PlansListPage />} />
        <Route path=":personId" element={<PlanPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    ),
  },
];
