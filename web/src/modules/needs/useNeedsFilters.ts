import { useCallback, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../auth/CurrentUser';
import { filtersToSearch, readFilters, type NeedsFilters } from './needsView';

/**
 * The dashboard's filters live in the address bar. Changing a filter replaces
 * the history entry (keeping the breadcrumb trail); drilling down pushes a new
 * one, so the back button walks back up the drill-down.
 */
export function useNeedsFilters() {
  const user = useCurrentUser();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params, user.role === 'national_admin'), [params, user.role]);

  const update = useCallback(
    (patch: Partial<NeedsFilters>) => {
      const next = { ...filters, ...patch };
      setParams(new URLSearchParams(filtersToSearch(next)), { replace: true, state: location.state as unknown });
    },
    [filters, setParams, location.state],
  );

  return { filters, update };
}
