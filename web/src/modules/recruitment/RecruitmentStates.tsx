import { Alert } from '@mantine/core';
import { isApiError } from '../../api/client';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { QueryError } from '../../ui/QueryError';

/** A failed read: 404 is "not there for you" (another agency's campaign, another candidate's application). */
export function ReadFailure({ error, onRetry }: { error: unknown; onRetry: () => unknown }) {
  if (isApiError(error) && error.status === 404) return <NotFoundPage what="record" />;
  return <QueryError error={error} onRetry={onRetry} />;
}

/** A refused change, in the user's language as the server says it. */
export function ChangeFailure({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" data-testid="recruitment-error">
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}
