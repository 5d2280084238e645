import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { StatusPage } from './StatusPage';

function CrashPage() {
  const { t } = useTranslation();
  return (
    <StatusPage
      testId="page-crash"
      color="red"
      icon={<IconAlertTriangle size={40} />}
      title={t('pages.crash.title')}
      body={t('pages.crash.body')}
      actions={
        <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}

interface ErrorBoundaryProps {
  children: ReactNode;
  /** When this changes (e.g. the location), a shown error is cleared and the page tried again. */
  resetKey?: unknown;
}

/**
 * Keeps a failing page (a render bug, a lazy chunk that failed to load) from
 * blanking the whole app. Unlike a `key`, `resetKey` does not remount healthy
 * pages on every navigation, so a module's nested pages keep their state.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Page failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <CrashPage /> : this.props.children;
  }
}
