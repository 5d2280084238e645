import { Tabs } from '@mantine/core';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { catalogueSections } from './catalogue/catalogueSections';
import type { TrainingSection } from './trainingSection';

/**
 * /training/*: one tab per section. To add yours (sessions, my training,
 * certificates), export `TrainingSection`s from your folder and append them here.
 */
const SECTIONS: readonly TrainingSection[] = [...catalogueSections];

export default function TrainingPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const visible = SECTIONS.filter((s) => !s.roles || (user && s.roles.includes(user.role)));
  const active = visible.find((s) => pathname.startsWith(`/training/${s.path}`))?.path ?? null;
  return (
    <>
      <Tabs value={active} onChange={(value) => { if (value) void navigate(`/training/${value}`); }} mb="md">
        <Tabs.List>
          {visible.map((s) => (
            <Tabs.Tab key={s.path} value={s.path} data-testid={`training-tab-${s.path}`}>
              {t(s.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Routes>
        {visible[0] && <Route index element={<Navigate to={visible[0].path} replace />} />}
        {visible.map((s) => (
          <Route key={s.path} path={`${s.path}/*`} element={s.element} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
