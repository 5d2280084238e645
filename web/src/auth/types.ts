import type { ApiAnswer } from '../api/types';

/** Body of `POST /api/auth/login` and `GET /api/auth/me`. */
export type SessionResponse = ApiAnswer<'/api/auth/me', 'get'>;

/** The signed-in user; `personId` is their staff record when the account belongs to a civil servant. */
export type SessionUser = SessionResponse['user'];
