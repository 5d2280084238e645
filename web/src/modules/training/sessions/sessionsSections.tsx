import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import type { TrainingSection } from '../trainingSection';

const SessionsListPage = lazy(() => import('./SessionsListPage'));
const SessionPage = lazy(() => import('./SessionPage'));
const ApprovalsPage = lazy(() => import('./ApprovalsPage'));
const MyTrainingPage = lazy(() => import('./MyTrainingPage'));

/** Sessions (everyone: a civil servant asks for a seat from a session's page), the leader's approvals, and the person's own training. */
export const sessionsSections: TrainingSection[] = [
  { path: 'me', label: 'trainingTabs.me', person: true, element: <MyTrainingPage /> },
  {
    path: 'sessions',
    label: 'trainingTabs.sessions',
    element: (
      <Routes>
        <Route index element={<SessionsListPage />} />
        <Route path=":id" element={<SessionPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    ),
  },
  { path: 'approvals', label: 'trainingTabs.approvals', roles: ['leader'], element: <ApprovalsPage /> },
];
