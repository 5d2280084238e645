// The six roles the server knows (see the platform's access rules). The web app
// only uses them to decide what to show; the server is what actually enforces.
export const ROLES = ['national_admin', 'hr_officer', 'leader', 'civil_servant', 'expert', 'trainer', 'candidate'] as const;

export type Role = (typeof ROLES)[number];
