import { Route, Routes } from 'react-router';
import i18n from '../../i18n';
import { registerRecruitmentAssessmentMessages } from './assessment.i18n';
import { RankingView } from './RankingView';
import { RatingSheetView } from './RatingSheetView';

registerRecruitmentAssessmentMessages(i18n);

/**
 * /recruitment/assess: the assessment side of a campaign (issue 17) — a panel member's rating sheet, and the
 * ranking, shortlist, fairness view and appointment that HR of the agency and the panel read.
 */
export default function RecruitmentAssessmentPage() {
  return (
    <Routes>
      <Route path="campaigns/:campaignId/ranking" element={<RankingView />} />
      <Route path="applications/:applicationId/stages/:stageId/sheet" element={<RatingSheetView />} />
    </Routes>
  );
}
