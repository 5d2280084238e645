import { lazy } from 'react';
import type { TrainingSection } from '../trainingSection';

const CertificatesPage = lazy(() => import('./CertificatesPage'));
const RecordsPage = lazy(() => import('./RecordsPage'));

/** Certificates (the holder's, and those a role may read) and the printable records and reports. */
export const credentialsSections: TrainingSection[] = [
  { path: 'certificates', label: 'trainingTabs.certificates', element: <CertificatesPage /> },
  { path: 'records', label: 'trainingTabs.records', roles: ['national_admin', 'hr_officer', 'leader', 'civil_servant', 'expert'], element: <RecordsPage /> },
];
