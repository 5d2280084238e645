import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import type { TrainingSection } from '../trainingSection';
import CataloguePage from './CataloguePage';
import CoursePage from './CoursePage';
import InstitutionPage from './InstitutionPage';

/** The catalogue (everyone) and the institution's own pages (its trainers, national administrators). */
export const catalogueSections: TrainingSection[] = [
  {
    path: 'catalogue',
    label: 'catalogue.tab',
    element: (
      <Routes>
        <Route index element={<CataloguePage />} />
        <Route path="courses/:id" element={<CoursePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    ),
  },
  {
    path: 'institution',
    label: 'catalogue.institutionTab',
    roles: ['trainer', 'national_admin'],
    element: (
      <Routes>
        <Route index element={<InstitutionPage />} />
        <Route path=":id" element={<InstitutionPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    ),
  },
];
