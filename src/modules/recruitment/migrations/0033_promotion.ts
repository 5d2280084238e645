import { sql, type Kysely } from 'kysely';

// Issue 17, item 5: appointment and promotion of internal candidates to a leadership position. A round holds
// the eligibility rules the HR officer sets; shortlisting freezes each person's standing (so the decision is
// taken, audited and printed on the figures HR saw); the decision names the chosen and the reasons.
export async function up(db: Kysely<unknown>): Promise<void> {
  // rules: { quality, training, minFit, digital } (promotion.schema.ts checks their shape).
  await sql`
    CREATE TABLE recruitment_promotion_rounds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      position_id uuid NOT NULL REFERENCES positions(id),
      title text NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'shortlisted', 'decided')),
      rules jsonb NOT NULL DEFAULT '{}',
      -- The day the standings were computed for: training windows count back from it.
      as_of date,
      shortlisted_at timestamptz,
      decision_reasons text,
      decided_at timestamptz,
      decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'decided' OR (decided_at IS NOT NULL AND length(decision_reasons) > 0))
    )`.execute(db);
  await sql`CREATE INDEX recruitment_promotion_rounds_agency ON recruitment_promotion_rounds (agency_id, created_at DESC)`.execute(db);

  // One row a person of the subtree at shortlisting: rank null when ineligible; explanation holds the fit, the
  // shortfalls and every rule's outcome with its evidence (year and level, hours, courses).
  await sql`
    CREATE TABLE recruitment_promotion_standings (
      round_id uuid NOT NULL REFERENCES recruitment_promotion_rounds(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES people(id),
      eligible boolean NOT NULL,
      rank int CHECK (rank IS NULL OR rank >= 1),
      fit numeric(5, 2),
      explanation jsonb NOT NULL,
      chosen boolean NOT NULL DEFAULT false,
      PRIMARY KEY (round_id, person_id),
      CHECK (eligible = (rank IS NOT NULL)),
      CHECK (NOT chosen OR eligible)
    )`.execute(db);
  await sql`CREATE INDEX recruitment_promotion_standings_rank ON recruitment_promotion_standings (round_id, eligible, rank)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS recruitment_promotion_standings`.execute(db);
  await sql`DROP TABLE IF EXISTS recruitment_promotion_rounds`.execute(db);
}
