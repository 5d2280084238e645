import { Route, Routes } from 'react-router';
import i18n from '../../i18n';
import { useCurrentUser } from '../../auth/CurrentUser';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { registerRecruitmentMessages } from './recruitment.i18n';
import { CampaignList } from './CampaignList';
import { CampaignEditor } from './CampaignEditor';
import { CampaignPage } from './CampaignPage';
import { CandidatePortal } from './CandidatePortal';
import { ApplyForm } from './ApplyForm';
import { PaperApplicationForm } from './PaperApplicationForm';
import { ApplicationView } from './ApplicationView';
import { DeclarationForm } from './DeclarationForm';

registerRecruitmentMessages(i18n);

/** Recruitment (issue 17): HR's campaigns, the candidate's portal, the panel member's declaration. */
export default function RecruitmentPage() {
  const user = useCurrentUser();
  const manages = user.role === 'hr_officer' || user.role === 'national_admin';
  return (
    <Routes>
      <Route index element={manages ? <CampaignList /> : <CandidatePortal />} />
      {manages && <Route path="campaigns/new" element={<CampaignEditor />} />}
      <Route path="campaigns/:id" element={<CampaignPage />} />
      <Route path="campaigns/:id/declaration" element={<DeclarationForm />} />
      {manages && <Route path="campaigns/:id/paper" element={<PaperApplicationForm />} />}
      <Route path="apply/:id" element={<ApplyForm />} />
      <Route path="applications/:id" element={<ApplicationView />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
