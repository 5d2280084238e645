export const ROLES = ['national_admin', 'hr_officer', 'leader', 'civil_servant', 'expert', 'trainer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose reach is their agency's whole subtree (not just their own record). */
export const AGENCY_WIDE_ROLES: readonly Role[] = ['hr_officer', 'leader'];
