import { Suspense } from 'react';
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { matchPath, Route, Routes, useLocation } from 'react-router';
import SignInPage from '../auth/SignInPage';
import { FirstPasswordPage } from '../auth/FirstPasswordPage';
import { CurrentUserProvider } from '../auth/CurrentUser';
import { useSession } from '../auth/session';
import { QueryError } from '../ui/QueryError';
import { PageLoader } from '../ui/PageLoader';
import { AppLayout } from './AppLayout';
import { PUBLIC_ROUTES } from './routes';

/**
 * Signed out, every address shows the sign-in page in place, so after signing
 * in the user lands on the page they asked for.
 */
export function App() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();

  // Public pages (a certificate's verification) show the same to everyone, signed in or not.
  if (PUBLIC_ROUTES.some((route) => matchPath(route.path, location.pathname))) return <PublicRoutes />;
  if (session.isLoading) {
    return (
      <Center mih="100dvh" role="status" aria-label={t('common.loading')}>
        <Loader />
      </Center>
    );
  }
  if (session.error) {
    return (
      <Center mih="100dvh" p="md">
        <QueryError error={session.error} onRetry={session.refetch} />
      </Center>
    );
  }
  if (session.user && session.mustChangePassword) return <FirstPasswordPage />;
  return session.user ? (
    <CurrentUserProvider user={session.user}>
      <AppLayout />
    </CurrentUserProvider>
  ) : (
    <SignInPage />
  );
}

function PublicRoutes() {
  return (
    <Routes>
      {PUBLIC_ROUTES.map(({ path, page: Page }) => (
        <Route
          key={path}
          path={path}
          element={
            <Suspense fallback={<PageLoader />}>
              <Page />
            </Suspense>
          }
        />
      ))}
    </Routes>
  );
}
