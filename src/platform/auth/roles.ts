export const ROLES = ['national_admin', 'hr_officer', 'leader', 'civil_servant', 'expert', 'trainer', 'candidate'] as const;
export type Role = (typeof ROLES)[number];
