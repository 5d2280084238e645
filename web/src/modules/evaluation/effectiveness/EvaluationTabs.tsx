import type { ReactNode } from 'react';
import { Tabs } from '@mantine/core';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import i18n from '../../../i18n';
import { useCurrentUser } from '../../../auth/CurrentUser';
import { CourseEffectPage } from './CourseEffectPage';
import { EffectivenessTab } from './EffectivenessTab';
import { FollowupsTab } from './FollowupsTab';
import { registerEffectivenessMessages } from './effectiveness.i18n';
import { useEffectivenessText } from './effectivenessText';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import { LearningGainsPanel } from '../LearningGainsPanel';
import { SurveyResultsPanel } from '../SurveyResultsPanel';
import { useReactionText } from '../reactionText';
import { QuestionSetsPanel } from '../questionSets/QuestionSetsPanel';
import { useQuestionSetsText } from '../questionSets/questionSetsText';

registerEffectivenessMessages(i18n);

type EvaluationTab = 'quality' | 'effectiveness' | 'followups' | 'surveys' | 'question-sets' | 'learning';

/**
 * /evaluation/*: the quality classification (given by EvaluationPage), the
 * effectiveness ranking with its course pages, the follow-ups, the trainees'
 * surveys (aggregates only) and the learning gains. Trainers see only their
 * institution's courses; leaders see no surveys (they are the institution's
 * and HR's feedback). Trainers and HR officers keep their survey question sets.
 */
export function EvaluationTabs({ quality }: { quality: ReactNode }) {
  const { te } = useEffectivenessText();
  const { tr } = useReactionText();
  const { tq } = useQuestionSetsText();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const hr = user.role !== 'trainer';
  const surveys = user.role !== 'leader';
  // The API keeps sets for these two roles only (an institution's, an agency's).
  const questionSets = user.role === 'trainer' || user.role === 'hr_officer';
  const tabs: EvaluationTab[] = [
    ...(hr ? (['quality', 'effectiveness', 'followups'] as const) : (['effectiveness'] as const)),
    ...(surveys ? (['surveys'] as const) : []),
    ...(questionSets ? (['question-sets'] as const) : []),
    'learning',
  ];
  const label = (tab: EvaluationTab) => (tab === 'question-sets' ? tq('tab') : tab === 'surveys' || tab === 'learning' ? tr(`tabs.${tab}`) : te(`tabs.${tab}`));
  const active = tabs.find((tab) => pathname.startsWith(`/evaluation/${tab}`)) ?? null;
  return (
    <>
      {/* The tabs navigate (each part is its own address), so they all control the one region below. */}
      <Tabs id="evaluation" value={active} onChange={(value) => value && void navigate(`/evaluation/${value}`)} mb="md">
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab} aria-controls="evaluation-section" data-testid={`evaluation-tab-${tab}`}>
              {label(tab)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <div id="evaluation-section" {...(active ? { role: 'tabpanel', 'aria-labelledby': `evaluation-tab-${active}` } : {})}>
        <Routes>
          <Route index element={<Navigate to={hr ? 'quality' : 'effectiveness'} replace />} />
          {hr && <Route path="quality" element={quality} />}
          {hr && <Route path="followups" element={<FollowupsTab />} />}
          <Route path="effectiveness" element={<EffectivenessTab />} />
          <Route path="effectiveness/courses/:courseId" element={<CourseEffectPage />} />
          {surveys && <Route path="surveys" element={<SurveyResultsPanel />} />}
          {questionSets && <Route path="question-sets" element={<QuestionSetsPanel />} />}
          <Route path="learning" element={<LearningGainsPanel />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </div>
    </>
  );
}
