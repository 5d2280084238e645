import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { AssessmentHome } from './AssessmentHome';
import { CyclePage } from './CyclePage';
import { KnowledgeTestPage } from './KnowledgeTestPage';
import { PersonReportPage } from './PersonReportPage';
import { RatingFormPage } from './RatingFormPage';

/** /assessments: my forms and (HR) cycles; a form, a cycle, a knowledge test, a person's report. */
export default function AssessmentsPage() {
  return (
    <Routes>
      <Route index element={<AssessmentHome />} />
      <Route path="forms/:id" element={<RatingFormPage />} />
      <Route path="cycles/:id" element={<CyclePage />} />
      <Route path="tests/:cycleId/:competencyId" element={<KnowledgeTestPage />} />
      <Route path="reports/:personId" element={<PersonReportPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
