import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useNeedsText } from './useNeedsText';

/** One step of the drill-down: what was shown and where it was. */
export interface Crumb {
  label: string;
  to: string;
}

/** The steps that led here, carried in the history entry (so back and forward keep them). */
export function useTrail(): Crumb[] {
  const state = useLocation().state as { trail?: unknown } | null;
  return Array.isArray(state?.trail) ? (state.trail as Crumb[]).filter((c) => typeof c?.label === 'string' && typeof c?.to === 'string') : [];
}

/** Crumbs keep the cycle they were made in; show them in the cycle being looked at now. */
function inCycle(to: string, cycle: string | null): string {
  if (!cycle) return to;
  const url = new URL(to, 'http://x');
  if (url.searchParams.has('cycle')) url.searchParams.set('cycle', cycle);
  return url.pathname + url.search;
}

interface NeedsBreadcrumbsProps {
  /** The views above this one (see useBreadcrumbTrail). */
  crumbs: Crumb[];
  current: string;
  cycle: string | null;
}

/**
 * Country → province → agency → people → person. The trail of the history
 * entry when there is one; from a shared link, the root and the current view.
 */
export function NeedsBreadcrumbs({ crumbs, current, cycle }: NeedsBreadcrumbsProps) {
  const { tn } = useNeedsText();
  return (
    <nav aria-label={tn('crumbs.label')} data-testid="needs-breadcrumbs">
      <Breadcrumbs separatorMargin={6} mb="md" style={{ flexWrap: 'wrap', rowGap: 4 }}>
        {crumbs.map((crumb, index) => (
          <Anchor key={`${index}-${crumb.to}`} component={Link} to={inCycle(crumb.to, cycle)} state={{ trail: crumbs.slice(0, index) }} size="sm">
            {crumb.label}
          </Anchor>
        ))}
        <Text size="sm" fw={600} aria-current="page">
          {current}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}

/**
 * The crumbs above the current view (what a drill-down from here must carry on).
 * `root` is where a shared link (no trail) starts: the whole country or the user's agency.
 */
export function useBreadcrumbTrail(root: Crumb): Crumb[] {
  const trail = useTrail();
  const location = useLocation();
  if (trail.length > 0) return trail;
  const here = location.pathname + location.search;
  return sameView(root.to, here) ? [] : [root];
}

function sameView(a: string, b: string): boolean {
  const ua = new URL(a, 'http://x');
  const ub = new URL(b, 'http://x');
  if (ua.pathname !== ub.pathname) return false;
  for (const key of ['level', 'id']) if ((ua.searchParams.get(key) ?? '') !== (ub.searchParams.get(key) ?? '')) return false;
  return true;
}
