import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import SignInPage from '../auth/SignInPage';
import { CurrentUserProvider } from '../auth/CurrentUser';
import { useSession } from '../auth/session';
import { QueryError } from '../ui/QueryError';
import { AppLayout } from './AppLayout';

/**
 * Signed out, every address shows the sign-in page in place, so after signing
 * in the user lands on the page they asked for.
 */
export function App() {
  const { t } = useTranslation();
  const session = useSession();

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
  return session.user ? (
    <CurrentUserProvider user={session.user}>
      <AppLayout />
    </CurrentUserProvider>
  ) : (
    <SignInPage />
  );
}
