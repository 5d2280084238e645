import { Suspense } from 'react';
import { Tabs } from '@mantine/core';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/CurrentUser';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { PageLoader } from '../../ui/PageLoader';
import { catalogueSections } from './catalogue/catalogueSections';
import { credentialsSections } from './credentials/credentialsSections';
import { plansSections } from './plans/plansSections';
import { sessionsSections } from './sessions/sessionsSections';
import type { TrainingSection } from './trainingSection';

/**
 * /training/*: one tab per section. To add yours, export `TrainingSection`s
 * from your folder and append them here.
 */
const SECTIONS: readonly TrainingSection[] = [...sessionsSections, ...plansSections, ...catalogueSections, ...credentialsSections];

export default function TrainingPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const visible = SECTIONS.filter((s) => (!s.roles || s.roles.includes(user.role)) && (!s.person || !!user.personId));
  const active = visible.find((s) => pathname === `/training/${s.path}` || pathname.startsWith(`/training/${s.path}/`))?.path ?? null;
  // A civil servant opens on their own training; everyone else on the catalogue.
  const start = user.role === 'civil_servant' && user.personId ? 'me' : 'catalogue';
  return (
    <>
      {/* The tabs navigate (each section is its own address), so they all control the one region below. */}
      <Tabs id="training" value={active} onChange={(value) => value && void navigate(`/training/${value}`)} mb="md">
        <Tabs.List>
          {visible.map((s) => (
            <Tabs.Tab key={s.path} value={s.path} aria-controls="training-section" data-testid={`training-tab-${s.path}`}>
              {t(s.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <div id="training-section" {...(active ? { role: 'tabpanel', 'aria-labelledby': `training-tab-${active}` } : {})}>
        <Suspense fallback={<PageLoader />}>
          <Routes>
            <Route index element={<Navigate to={start} replace />} />
            {visible.map((s) => (
              <Route key={s.path} path={`${s.path}/*`} element={s.element} />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </div>
    </>
  );
}
