import type { Icon } from '@tabler/icons-react';
import {
  IconBriefcase,
  IconUserSearch,
  IconBuildingCommunity,
  IconChartBar,
  IconCalendarStats,
  IconClipboardCheck,
  IconHierarchy2,
  IconHistory,
  IconLayoutDashboard,
  IconListCheck,
  IconStairsUp,
  IconSchool,
  IconTargetArrow,
  IconUserCircle,
  IconUserShield,
  IconUsers,
} from '@tabler/icons-react';
import { ROLES, type Role } from '../auth/roles';

export type NavKey =
  | 'overview'
  | 'frameworks'
  | 'positions'
  | 'org'
  | 'people'
  | 'assessments'
  | 'needs'
  | 'training'
  | 'evaluation'
  | 'planning'
  | 'recruitment'
  | 'promotions'
  | 'accounts'
  | 'audit'
  | 'jobs'
  | 'me';

export interface NavItem {
  /** Also the i18n key `nav.<key>` and the test id `nav-<key>`. */
  key: NavKey;
  path: string;
  icon: Icon;
  /** Who sees the item. The server enforces access on its own; this only avoids dead ends. */
  roles: readonly Role[];
}

const allBut = (...excluded: Role[]): readonly Role[] => ROLES.filter((role) => !excluded.includes(role));

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'overview', path: '/', icon: IconLayoutDashboard, roles: ROLES },
  { key: 'frameworks', path: '/frameworks', icon: IconHierarchy2, roles: allBut('trainer', 'candidate') },
  { key: 'positions', path: '/positions', icon: IconBriefcase, roles: ['national_admin', 'hr_officer'] },
  { key: 'org', path: '/org', icon: IconBuildingCommunity, roles: ['national_admin', 'hr_officer'] },
  { key: 'people', path: '/people', icon: IconUsers, roles: ['national_admin', 'hr_officer', 'leader'] },
  { key: 'assessments', path: '/assessments', icon: IconClipboardCheck, roles: allBut('trainer', 'candidate') },
  { key: 'needs', path: '/needs', icon: IconTargetArrow, roles: ['national_admin', 'hr_officer', 'leader'] },
  { key: 'training', path: '/training', icon: IconSchool, roles: allBut('candidate') },
  { key: 'evaluation', path: '/evaluation', icon: IconChartBar, roles: ['national_admin', 'hr_officer', 'trainer'] },
  { key: 'planning', path: '/planning', icon: IconCalendarStats, roles: ['national_admin', 'hr_officer', 'leader'] },
  // HR runs campaigns; a candidate's "my applications"; leaders and experts sit on panels (issue 17).
  { key: 'recruitment', path: '/recruitment', icon: IconUserSearch, roles: ['national_admin', 'hr_officer', 'candidate', 'leader', 'expert'] },
  { key: 'promotions', path: '/promotions', icon: IconStairsUp, roles: ['national_admin', 'hr_officer', 'leader'] },
  { key: 'accounts', path: '/accounts', icon: IconUserShield, roles: ['national_admin', 'hr_officer'] },
  { key: 'audit', path: '/audit', icon: IconHistory, roles: ['national_admin', 'hr_officer'] },
  { key: 'jobs', path: '/jobs', icon: IconListCheck, roles: ['national_admin'] },
  { key: 'me', path: '/me', icon: IconUserCircle, roles: ['civil_servant', 'leader', 'expert'] },
];

export function navItem(key: NavKey): NavItem {
  const item = NAV_ITEMS.find((candidate) => candidate.key === key);
  if (!item) throw new Error(`Unknown navigation key ${key}`);
  return item;
}

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

/** The navigation item a location belongs to (longest matching path prefix). */
export function activeNavItem(pathname: string): NavItem | undefined {
  return NAV_ITEMS.filter((item) => (item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`))).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
}
