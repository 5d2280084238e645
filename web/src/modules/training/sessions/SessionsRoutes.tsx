import { lazy } from 'react';
import { Route } from 'react-router';

const SessionsListPage = lazy(() => import('./SessionsListPage'));
const SessionPage = lazy(() => import('./SessionPage'));
const ApprovalsPage = lazy(() => import('./ApprovalsPage'));
const MyTrainingPage = lazy(() => import('./MyTrainingPage'));

/** The sessions part's pages under /training (plugged into TrainingPage's router). */
export const sessionsRoutes = [
  <Route key="sessions" path="sessions" element={<SessionsListPage />} />,
  <Route key="session" path="sessions/:id" element={<SessionPage />} />,
  <Route key="approvals" path="approvals" element={<ApprovalsPage />} />,
  <Route key="me" path="me" element={<MyTrainingPage />} />,
];
