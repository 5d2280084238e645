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

registerEffectivenessMessages(i18n);

/**
 * /evaluation/*: the quality classification (given by EvaluationPage), the
 * effectiveness ranking with its course pages, and the follow-ups. Trainers
 * see only the effectiveness of their institution's courses.
 */
export function EvaluationTabs({ quality }: { quality: ReactNode }) {
  const { te } = useEffectivenessText();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const hr = user.role !== 'trainer';
  const tabs = hr ? (['quality', 'effectiveness', 'followups'] as const) : (['effectiveness'] as const);
  const active = tabs.find((tab) => pathname.startsWith(`/evaluation/${tab}`)) ?? null;
  return (
    <>
      <Tabs value={active} onChange={(value) => value && void navigate(`/evaluation/${value}`)} mb="md">
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab} data-testid={`evaluation-tab-${tab}`}>
              {te(`tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Routes>
        <Route index element={<Navigate to={hr ? 'quality' : 'effectiveness'} replace />} />
        {hr && <Route path="quality" element={quality} />}
        {hr && <Route path="followups" element={<FollowupsTab />} />}
        <Route path="effectiveness" element={<EffectivenessTab />} />
        <Route path="effectiveness/courses/:courseId" element={<CourseEffectPage />} />
        <Route path="*" element={<Navigate to={hr ? 'quality' : 'effectiveness'} replace />} />
      </Routes>
    </>
  );
}
