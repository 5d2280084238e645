import { sql, type Kysely } from 'kysely';

// Issue 17: recruitment into a job position (Law 80/2025/QH15) — campaigns, their panel, candidates and applications.
// Ratings, tests, results and appointments are 0032 (the assessment side of a campaign).
export async function up(db: Kysely<unknown>): Promise<void> {
  // Candidates have accounts of their own: they see only their application and its result.
  await sql`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check`.execute(db);
  await sql`
    ALTER TABLE users ADD CONSTRAINT users_role_check
      CHECK (role IN ('national_admin', 'hr_officer', 'leader', 'civil_servant', 'expert', 'trainer', 'candidate'))`.execute(db);

  // tie_break: the ordered rules the campaign states for equal fit scores (checked by recruitment.schema.ts).
  await sql`
    CREATE TABLE recruitment_campaigns (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      code text NOT NULL,
      title text NOT NULL,
      notice text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'closed', 'completed', 'cancelled')),
      applications_open_at timestamptz,
      applications_close_at timestamptz,
      tie_break jsonb NOT NULL DEFAULT '[]',
      -- Months a candidate's personal data is kept after the campaign completes (Decree 13/2023/NĐ-CP).
      retention_months int NOT NULL DEFAULT 12 CHECK (retention_months BETWEEN 1 AND 120),
      published_at timestamptz,
      completed_at timestamptz,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, code),
      CHECK (applications_close_at IS NULL OR applications_open_at IS NULL OR applications_close_at > applications_open_at)
    )`.execute(db);
  await sql`CREATE INDEX recruitment_campaigns_status ON recruitment_campaigns (status, applications_close_at)`.execute(db);

  // The vacant positions of a campaign and how many posts each; the position's profile is the yardstick.
  await sql`
    CREATE TABLE recruitment_campaign_posts (
      campaign_id uuid NOT NULL REFERENCES recruitment_campaigns(id) ON DELETE CASCADE,
      position_id uuid NOT NULL REFERENCES positions(id),
      posts int NOT NULL CHECK (posts BETWEEN 1 AND 1000),
      PRIMARY KEY (campaign_id, position_id)
    )`.execute(db);

  await sql`
    CREATE TABLE recruitment_stages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      campaign_id uuid NOT NULL REFERENCES recruitment_campaigns(id) ON DELETE CASCADE,
      ordinal int NOT NULL,
      kind text NOT NULL CHECK (kind IN ('screening', 'knowledge_test', 'practical', 'interview')),
      name text NOT NULL,
      starts_on date,
      ends_on date,
      -- Share of the fit score this stage carries; screening carries none.
      weight float8 NOT NULL DEFAULT 0 CHECK (weight >= 0 AND weight <= 1),
      UNIQUE (campaign_id, ordinal),
      CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
    )`.execute(db);

  // declared_at: the member's conflict-of-interest declaration (null until declared; no rating before it).
  await sql`
    CREATE TABLE recruitment_panel_members (
      campaign_id uuid NOT NULL REFERENCES recruitment_campaigns(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id),
      panel_role text NOT NULL DEFAULT 'member' CHECK (panel_role IN ('chair', 'member', 'secretary')),
      declared_at timestamptz,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (campaign_id, user_id)
    )`.execute(db);

  // A candidate is a person outside the register or a member of staff (person_id). Personal data lives here and
  // in documents only, so erasure is these rows' columns and files; erased_at keeps the fact without the data.
  await sql`
    CREATE TABLE recruitment_candidates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid UNIQUE REFERENCES users(id) ON DELETE SET NULL,
      person_id uuid REFERENCES people(id),
      full_name text NOT NULL,
      search_name text NOT NULL,
      date_of_birth date,
      gender text CHECK (gender IN ('male', 'female', 'other')),
      email text,
      phone text,
      -- A priority category under the law (veterans' children and the like): a tie-break rule, erased with the rest.
      priority boolean NOT NULL DEFAULT false,
      consent_at timestamptz,
      consent_version text,
      retain_until date,
      erased_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX recruitment_candidates_retain ON recruitment_candidates (retain_until) WHERE erased_at IS NULL`.execute(db);

  // agency_id is the campaign's agency, kept on the row for scope checks without a join.
  await sql`
    CREATE TABLE recruitment_applications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      campaign_id uuid NOT NULL REFERENCES recruitment_campaigns(id) ON DELETE CASCADE,
      position_id uuid NOT NULL,
      candidate_id uuid NOT NULL REFERENCES recruitment_candidates(id),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      status text NOT NULL DEFAULT 'submitted'
        CHECK (status IN ('submitted', 'screened_in', 'screened_out', 'withdrawn', 'shortlisted', 'appointed', 'not_selected')),
      source text NOT NULL DEFAULT 'online' CHECK (source IN ('online', 'paper')),
      submitted_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (campaign_id, candidate_id),
      FOREIGN KEY (campaign_id, position_id) REFERENCES recruitment_campaign_posts(campaign_id, position_id)
    )`.execute(db);
  await sql`CREATE INDEX recruitment_applications_campaign ON recruitment_applications (campaign_id, status)`.execute(db);

  // The files of an application: PDF or images, checked by their bytes; content is erased with the candidate.
  await sql`
    CREATE TABLE recruitment_documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL REFERENCES recruitment_applications(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('application_form', 'cv', 'diploma', 'certificate', 'identity', 'other')),
      file_name text NOT NULL,
      media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
      size_bytes int NOT NULL CHECK (size_bytes > 0),
      sha256 text NOT NULL,
      content bytea NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX recruitment_documents_application ON recruitment_documents (application_id)`.execute(db);

  // A panel member's declared conflict with one candidate: that member may not rate that application.
  await sql`
    CREATE TABLE recruitment_conflicts (
      campaign_id uuid NOT NULL,
      user_id uuid NOT NULL,
      application_id uuid NOT NULL REFERENCES recruitment_applications(id) ON DELETE CASCADE,
      reason text NOT NULL,
      declared_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (campaign_id, user_id, application_id),
      FOREIGN KEY (campaign_id, user_id) REFERENCES recruitment_panel_members(campaign_id, user_id) ON DELETE CASCADE
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'recruitment_conflicts',
    'recruitment_documents',
    'recruitment_applications',
    'recruitment_candidates',
    'recruitment_panel_members',
    'recruitment_stages',
    'recruitment_campaign_posts',
    'recruitment_campaigns',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
  await sql`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check`.execute(db);
  await sql`
    ALTER TABLE users ADD CONSTRAINT users_role_check
      CHECK (role IN ('national_admin', 'hr_officer', 'leader', 'civil_servant', 'expert', 'trainer'))`.execute(db);
}
