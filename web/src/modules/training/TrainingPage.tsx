import { Navigate, Route, Routes } from 'react-router';
import { useCurrentUser } from '../../auth/CurrentUser';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { sessionsRoutes } from './sessions/SessionsRoutes';

/** Where /training opens until the catalogue's own landing page lands: a civil servant's training, a leader's approvals, the sessions for others. */
function TrainingIndex() {
  const { role } = useCurrentUser();
  return <Navigate to={role === 'civil_servant' ? 'me' : role === 'leader' ? 'approvals' : 'sessions'} replace />;
}

/** /training: each part of the training module adds its routes as one entry. */
export default function TrainingPage() {
  return (
    <Routes>
      <Route index element={<TrainingIndex />} />
      {sessionsRoutes}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
