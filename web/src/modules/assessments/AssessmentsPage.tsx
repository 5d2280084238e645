import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { AssessmentHome } from './AssessmentHome';
import { CyclePage } from './CyclePage';
import { KnowledgeTestPage } from './KnowledgeTestPage';
import { PersonReportPage } from './PersonReportPage';
import { RatingFormPage } from './RatingFormPage';
import { TeamPage } from './TeamPage';

/** /assessments: my forms and (HR) cycles; a form, a cycle, a knowledge test, a person's report, a leader's team. */
export default function AssessmentsPage() {
  return (
    <Routes>
      <Route index element={<AssessmentHome />} />
      <Route path="forms/:id" element={<RatingFormPage />} />
      <Route path="cycles/:id" element={<CyclePage />} />
      <Route path="tests/:cycleId/:competencyId" element={<KnowledgeTestPage />} />
      <Route path="reports/:personId" element={<PersonReportPage />} />
      <Route path="team" element={<TeamPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
