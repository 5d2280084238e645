import type { Role } from './roles';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Staff record of the user, when the account belongs to a civil servant. */
  personId: string | null;
  agency: { id: string; name: string };
}

/** Body of `POST /api/auth/login` and `GET /api/auth/me`. */
export interface SessionResponse {
  user: SessionUser;
  csrfToken: string;
}
