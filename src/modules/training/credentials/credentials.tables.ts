import type { ColumnType, Generated } from 'kysely';

export type CredentialStatus = 'pending' | 'issued' | 'revoked';

export interface TrainingIssuerKeysTable {
  id: Generated<string>;
  institution_id: string;
  /** The institution's DID (did:web), the credential's issuer id. */
  controller: string;
  /** `<controller>#key-…`: the proof's verificationMethod. */
  key_id: string;
  public_key_multibase: string;
  secret_key_multibase: string;
  created_at: ColumnType<Date, never, never>;
  retired_at: Date | null;
}

export interface TrainingCredentialsTable {
  id: Generated<string>;
  enrolment_id: string;
  person_id: string;
  agency_id: string;
  institution_id: string;
  course_id: string;
  status: Generated<CredentialStatus>;
  completed_at: Date;
  /** The signed credential as issued (jsonb: key order is not kept, the proof does not depend on it). */
  document: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  key_id: string | null;
  issued_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface CredentialTables {
  training_issuer_keys: TrainingIssuerKeysTable;
  training_credentials: TrainingCredentialsTable;
}

declare module '../../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends CredentialTables {}
}
