import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { useCurrentUser } from '../auth/CurrentUser';
import { ForbiddenPage } from '../ui/ForbiddenPage';
import { NotFoundPage } from '../ui/NotFoundPage';
import { PageLoader } from '../ui/PageLoader';
import { APP_ROUTES, type AppRoute } from './routes';

function GuardedPage({ route }: { route: AppRoute }) {
  const user = useCurrentUser();
  if (!route.roles.includes(user.role)) return <ForbiddenPage />;
  const Page = route.page;
  return (
    <Suspense fallback={<PageLoader />}>
      <Page />
    </Suspense>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      {APP_ROUTES.map((route) => (
        <Route key={route.path} path={route.path} element={<GuardedPage route={route} />} />
      ))}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
