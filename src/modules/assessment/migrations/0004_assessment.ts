import { sql, type Kysely } from 'kysely';

// Issue 5: 360° assessment cycles, rater assignments, rating forms, knowledge
// tests, consolidated results (current + history) and in-app reminders.
// Large tables carry agency_id (the rated person's agency) for distribution.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE assessment_cycles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- The agency that runs the cycle: its HR officers manage it, scope is its subtree.
      agency_id uuid NOT NULL REFERENCES agencies(id),
      name text NOT NULL,
      name_en text,
      kind text NOT NULL CHECK (kind IN ('periodic', 'ad_hoc')),
      year int,
      -- { agencyIds, positionIds, personIds }: who is assessed (empty lists = the whole agency subtree).
      scope jsonb NOT NULL,
      opens_on date NOT NULL,
      closes_on date NOT NULL,
      framework_version_id uuid NOT NULL REFERENCES framework_versions(id),
      weights jsonb NOT NULL,
      min_peers int NOT NULL DEFAULT 3 CHECK (min_peers >= 0),
      -- Below 3 a rater of a pair would know the other's rating.
      anonymity_threshold int NOT NULL DEFAULT 3 CHECK (anonymity_threshold >= 3),
      gap_threshold numeric(3,2) NOT NULL DEFAULT 1,
      test_cutoffs jsonb,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('draft', 'open', 'closed')),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (closes_on >= opens_on)
    )`.execute(db);
  await sql`CREATE INDEX assessment_cycles_agency ON assessment_cycles (agency_id)`.execute(db);

  // The people assessed in a cycle, with the form's competencies fixed when they
  // were added, so a profile edited mid-cycle does not change forms being filled.
  await sql`
    CREATE TABLE assessment_subjects (
      cycle_id uuid NOT NULL REFERENCES assessment_cycles(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES people(id),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      position_id uuid,
      competency_ids jsonb NOT NULL,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (cycle_id, person_id)
    )`.execute(db);
  await sql`CREATE INDEX assessment_subjects_person ON assessment_subjects (person_id)`.execute(db);

  await sql`
    CREATE TABLE assessment_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      cycle_id uuid NOT NULL REFERENCES assessment_cycles(id) ON DELETE CASCADE,
      subject_id uuid NOT NULL REFERENCES people(id),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      source text NOT NULL CHECK (source IN ('self', 'leader', 'peer', 'subordinate', 'expert')),
      -- Staff rate as people; experts (often without a staff record) as user accounts.
      rater_person_id uuid REFERENCES people(id),
      rater_user_id uuid REFERENCES users(id),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'draft', 'submitted')),
      saved_at timestamptz,
      submitted_at timestamptz,
      reopened_at timestamptz,
      last_reminded_at timestamptz,
      reminder_count int NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (rater_person_id IS NOT NULL OR rater_user_id IS NOT NULL)
    ) WITH (fillfactor = 80)`.execute(db);
  // Free space on each page lets a form's status change be a HOT update: the
  // five indexes below are not touched on every save and submission.
  await sql`CREATE UNIQUE INDEX assessment_assignments_once ON assessment_assignments (cycle_id, subject_id, (COALESCE(rater_person_id, rater_user_id)))`.execute(db);
  await sql`CREATE INDEX assessment_assignments_rater_person ON assessment_assignments (rater_person_id, cycle_id)`.execute(db);
  await sql`CREATE INDEX assessment_assignments_rater_user ON assessment_assignments (rater_user_id, cycle_id)`.execute(db);
  await sql`CREATE INDEX assessment_assignments_cycle_agency ON assessment_assignments (cycle_id, agency_id)`.execute(db);

  await sql`
    CREATE TABLE assessment_ratings (
      -- No foreign keys on this table: ratings are written only by
      -- forms.service.ts while it holds the assignment row locked, for
      -- competencies of the form's snapshot; 60 key checks a form were a
      -- measurable share of a submission's cost (bench/assessment.bench.ts).
      assignment_id uuid NOT NULL,
      competency_id uuid NOT NULL,
      agency_id uuid NOT NULL,
      level smallint CHECK (level BETWEEN 1 AND 8),
      comment text,
      evidence_url text,
      PRIMARY KEY (assignment_id, competency_id)
    )`.execute(db);

  await sql`
    CREATE TABLE assessment_questions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      competency_id uuid NOT NULL REFERENCES competencies(id),
      -- NULL: national bank; else the agency that wrote it.
      agency_id uuid REFERENCES agencies(id),
      stem text NOT NULL,
      stem_en text,
      options jsonb NOT NULL,
      correct_option smallint NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX assessment_questions_competency ON assessment_questions (competency_id) WHERE active`.execute(db);

  await sql`
    CREATE TABLE assessment_test_attempts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      cycle_id uuid NOT NULL REFERENCES assessment_cycles(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES people(id),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      competency_id uuid NOT NULL REFERENCES competencies(id),
      question_ids jsonb NOT NULL,
      answers jsonb,
      correct int,
      total int NOT NULL,
      score numeric(5,4),
      level smallint,
      started_at timestamptz NOT NULL DEFAULT now(),
      submitted_at timestamptz,
      UNIQUE (cycle_id, person_id, competency_id)
    )`.execute(db);

  const resultColumns = sql`
      cycle_id uuid NOT NULL,
      person_id uuid NOT NULL,
      competency_id uuid NOT NULL,
      agency_id uuid NOT NULL,
      position_id uuid,
      assessed_level numeric(4,2) NOT NULL,
      required_level smallint,
      criticality smallint,
      spread numeric(4,2) NOT NULL,
      source_count int NOT NULL,
      self_level numeric(4,2),
      others_level numeric(4,2),
      flag text CHECK (flag IN ('blind_spot', 'hidden_strength')),
      -- Anonymity-safe breakdown by source group (what the person rated may see).
      source_groups jsonb NOT NULL DEFAULT '[]',
      version int NOT NULL,
      consolidated_at timestamptz NOT NULL`;
  await sql`CREATE TABLE assessment_results (${resultColumns}, PRIMARY KEY (cycle_id, person_id, competency_id))`.execute(db);
  await sql`CREATE INDEX assessment_results_person ON assessment_results (person_id)`.execute(db);
  await sql`CREATE INDEX assessment_results_cycle_agency ON assessment_results (cycle_id, agency_id)`.execute(db);
  await sql`
    CREATE TABLE assessment_results_history (${resultColumns},
      superseded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (cycle_id, person_id, competency_id, version))`.execute(db);

  await sql`
    CREATE TABLE assessment_notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      cycle_id uuid REFERENCES assessment_cycles(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('reminder', 'assigned')),
      -- Rendered by the client from i18n keys: { cycleName, pending, closesOn }.
      payload jsonb NOT NULL,
      emailed boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX assessment_notifications_user ON assessment_notifications (user_id, created_at DESC)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'assessment_notifications', 'assessment_results_history', 'assessment_results', 'assessment_test_attempts',
    'assessment_questions', 'assessment_ratings', 'assessment_assignments', 'assessment_subjects', 'assessment_cycles',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
