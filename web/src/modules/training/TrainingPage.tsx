import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { credentialsRoutes } from './credentials/CredentialsRoutes';
import { plansRoutes } from './plans/PlansRoutes';
import { sessionsRoutes } from './sessions/SessionsRoutes';
import { TrainingHome } from './TrainingHome';

/** /training: each part of the training module adds its routes as one entry. */
export default function TrainingPage() {
  return (
    <Routes>
      <Route index element={<TrainingHome />} />
      {sessionsRoutes}
      {plansRoutes}
      {credentialsRoutes}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
