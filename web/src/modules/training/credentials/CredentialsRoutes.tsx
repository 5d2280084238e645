import { lazy } from 'react';
import { Route } from 'react-router';

const CertificatesPage = lazy(() => import('./CertificatesPage'));
const RecordsPage = lazy(() => import('./RecordsPage'));

/** Certificates and records under /training (plugged into TrainingPage's router). */
export const credentialsRoutes = [
  <Route key="certificates" path="certificates" element={<CertificatesPage />} />,
  <Route key="records" path="records" element={<RecordsPage />} />,
];
