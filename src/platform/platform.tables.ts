import type { ColumnType, Generated } from 'kysely';
import type { Role } from './auth/roles.js';

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  agency_id: string;
  person_id: string | null;
  active: Generated<boolean>;
  /** Set when HR hands out a first password; cleared when the owner sets their own. */
  password_must_change: Generated<boolean>;
  last_login_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: ColumnType<Date, never, never>;
  expires_at: Date;
}

export interface AuditLogTable {
  id: ColumnType<number, never, never>;
  at: ColumnType<Date, never, never>;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  agency_path: string | null;
  /** Added by 0011: the other agencies a multi-agency change concerns. */
  related_agency_paths: string[] | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
}

/** Failed sign-in counter of one account or one client address (see login-limits.ts). */
export interface LoginAttemptsTable {
  kind: 'account' | 'address';
  key: string;
  count: number;
  window_end: Date;
}

export interface PlatformTables {
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  login_attempts: LoginAttemptsTable;
}
