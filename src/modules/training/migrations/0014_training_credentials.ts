import { sql, type Kysely } from 'kysely';

// Issue 14, item 6: certificates as verifiable credentials (Open Badges 3.0, Data Integrity eddsa-rdfc-2022).
export async function up(db: Kysely<unknown>): Promise<void> {
  // An institution's signing key (Ed25519, Multikey). The public half is published in the institution's
  // controller document; the secret half never leaves the server (no route reads this column).
  // retired_at: a retired key still verifies what it signed, and signs nothing new.
  await sql`
    CREATE TABLE training_issuer_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      institution_id uuid NOT NULL REFERENCES training_institutions(id),
      controller text NOT NULL,
      key_id text NOT NULL UNIQUE,
      public_key_multibase text NOT NULL,
      secret_key_multibase text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      retired_at timestamptz
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX training_issuer_keys_current ON training_issuer_keys (institution_id) WHERE retired_at IS NULL`.execute(db);

  // One credential a completed enrolment. pending: written in the completion's transaction, signed after
  // its commit by a job; issued: document holds the signed credential; revoked: verifies as revoked.
  await sql`
    CREATE TABLE training_credentials (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enrolment_id uuid NOT NULL UNIQUE REFERENCES training_enrolments(id),
      person_id uuid NOT NULL REFERENCES people(id),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      institution_id uuid NOT NULL REFERENCES training_institutions(id),
      course_id uuid NOT NULL REFERENCES training_courses(id),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'issued', 'revoked')),
      completed_at timestamptz NOT NULL,
      document jsonb,
      key_id text REFERENCES training_issuer_keys(key_id),
      issued_at timestamptz,
      revoked_at timestamptz,
      revoked_by uuid REFERENCES users(id) ON DELETE SET NULL,
      revoke_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status = 'pending' OR document IS NOT NULL),
      CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX training_credentials_person ON training_credentials (person_id)`.execute(db);
  await sql`CREATE INDEX training_credentials_agency ON training_credentials (agency_id)`.execute(db);
  await sql`CREATE INDEX training_credentials_institution ON training_credentials (institution_id)`.execute(db);
  await sql`CREATE INDEX training_credentials_pending ON training_credentials (created_at) WHERE status = 'pending'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS training_credentials`.execute(db);
  await sql`DROP TABLE IF EXISTS training_issuer_keys`.execute(db);
}
