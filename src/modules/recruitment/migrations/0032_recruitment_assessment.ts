import { sql, type Kysely } from 'kysely';

// Issue 17, the assessment side of a campaign: knowledge tests, panel rating sheets, the published results and
// the appointments. 0031 holds the campaign, its panel and the applications.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Candidates see their result only once HR publishes the campaign's results.
  await sql`ALTER TABLE recruitment_campaigns ADD COLUMN IF NOT EXISTS results_published_at timestamptz`.execute(db);

  // A knowledge-test stage's result per application: taken online (questions drawn from the banks of the
  // profile's competencies) or a paper test whose scores HR enters. One per application and stage.
  await sql`
    CREATE TABLE recruitment_test_results (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      campaign_id uuid NOT NULL REFERENCES recruitment_campaigns(id) ON DELETE CASCADE,
      stage_id uuid NOT NULL REFERENCES recruitment_stages(id) ON DELETE CASCADE,
      application_id uuid NOT NULL REFERENCES recruitment_applications(id) ON DELETE CASCADE,
      source text NOT NULL CHECK (source IN ('online', 'paper')),
      questions jsonb NOT NULL DEFAULT '[]',
      answers jsonb,
      submitted_at timestamptz,
      recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (stage_id, application_id)
    )`.execute(db);
  await sql`
    CREATE TABLE recruitment_test_scores (
      result_id uuid NOT NULL REFERENCES recruitment_test_results(id) ON DELETE CASCADE,
      competency_id uuid NOT NULL REFERENCES competencies(id),
      score numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
      level smallint NOT NULL CHECK (level >= 1),
      PRIMARY KEY (result_id, competency_id)
    )`.execute(db);

  // A panel member's sheet for one application at one stage: a draft until submitted, then frozen.
  // Members rate alone: nobody reads another's sheet of an application before submitting their own.
  await sql`
    CREATE TABLE recruitment_rating_sheets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      campaign_id uuid NOT NULL REFERENCES recruitment_campaigns(id) ON DELETE CASCADE,
      stage_id uuid NOT NULL REFERENCES recruitment_stages(id) ON DELETE CASCADE,
      application_id uuid NOT NULL REFERENCES recruitment_applications(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id),
      submitted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (stage_id, application_id, user_id),
      FOREIGN KEY (campaign_id, user_id) REFERENCES recruitment_panel_members(campaign_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX recruitment_rating_sheets_campaign ON recruitment_rating_sheets (campaign_id, application_id)`.execute(db);
  await sql`
    CREATE TABLE recruitment_ratings (
      sheet_id uuid NOT NULL REFERENCES recruitment_rating_sheets(id) ON DELETE CASCADE,
      competency_id uuid NOT NULL REFERENCES competencies(id),
      level smallint NOT NULL CHECK (level >= 1),
      note text NOT NULL DEFAULT '',
      PRIMARY KEY (sheet_id, competency_id)
    )`.execute(db);

  // An appointed candidate: the person made in the register, the closed recruitment cycle holding their assessed
  // levels (the start of their gap profile) and their first development plan.
  await sql`
    CREATE TABLE recruitment_appointments (
      application_id uuid PRIMARY KEY REFERENCES recruitment_applications(id),
      campaign_id uuid NOT NULL REFERENCES recruitment_campaigns(id),
      person_id uuid NOT NULL REFERENCES people(id),
      cycle_id uuid NOT NULL REFERENCES assessment_cycles(id),
      plan_id uuid REFERENCES training_development_plans(id) ON DELETE SET NULL,
      fit_score numeric(5, 2) NOT NULL,
      reason text NOT NULL DEFAULT '',
      appointed_by uuid REFERENCES users(id) ON DELETE SET NULL,
      appointed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX recruitment_appointments_campaign ON recruitment_appointments (campaign_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['recruitment_appointments', 'recruitment_ratings', 'recruitment_rating_sheets', 'recruitment_test_scores', 'recruitment_test_results']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
  await sql`ALTER TABLE recruitment_campaigns DROP COLUMN IF EXISTS results_published_at`.execute(db);
}
