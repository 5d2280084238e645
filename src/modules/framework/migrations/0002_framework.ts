import { sql, type Kysely } from 'kysely';

// Issue 3: competency frameworks (versioned), job positions and their profiles.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE frameworks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      -- 'national': published by the Ministry for everyone; 'agency': an agency's own framework or extension.
      scope text NOT NULL CHECK (scope IN ('national', 'agency')),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      -- An agency extension adds competencies to a national framework without touching it.
      base_framework_id uuid REFERENCES frameworks(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX frameworks_agency ON frameworks (agency_id)`.execute(db);

  await sql`
    CREATE TABLE framework_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      framework_id uuid NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
      version_no int NOT NULL,
      status text NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
      -- For an extension: the version of the base framework it was written against.
      base_version_id uuid REFERENCES framework_versions(id),
      name_vi text NOT NULL,
      name_en text NOT NULL,
      description_vi text NOT NULL DEFAULT '',
      description_en text NOT NULL DEFAULT '',
      attribution text NOT NULL DEFAULT '',
      level_count smallint NOT NULL CHECK (level_count BETWEEN 2 AND 8),
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      published_by uuid,
      retired_at timestamptz,
      UNIQUE (framework_id, version_no)
    )`.execute(db);
  // At most one draft and one published version per framework at any time.
  await sql`CREATE UNIQUE INDEX framework_versions_one_draft ON framework_versions (framework_id) WHERE status = 'draft'`.execute(db);
  await sql`CREATE UNIQUE INDEX framework_versions_one_published ON framework_versions (framework_id) WHERE status = 'published'`.execute(db);

  await sql`
    CREATE TABLE framework_levels (
      version_id uuid NOT NULL REFERENCES framework_versions(id) ON DELETE CASCADE,
      level smallint NOT NULL CHECK (level BETWEEN 1 AND 8),
      name_vi text NOT NULL,
      name_en text NOT NULL,
      description_vi text NOT NULL DEFAULT '',
      description_en text NOT NULL DEFAULT '',
      PRIMARY KEY (version_id, level)
    )`.execute(db);

  await sql`
    CREATE TABLE competency_groups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      version_id uuid NOT NULL REFERENCES framework_versions(id) ON DELETE CASCADE,
      code text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('core', 'functional', 'technical')),
      name_vi text NOT NULL,
      name_en text NOT NULL,
      description_vi text NOT NULL DEFAULT '',
      description_en text NOT NULL DEFAULT '',
      position int NOT NULL,
      UNIQUE (version_id, code)
    )`.execute(db);

  await sql`
    CREATE TABLE competencies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      version_id uuid NOT NULL REFERENCES framework_versions(id) ON DELETE CASCADE,
      group_id uuid NOT NULL REFERENCES competency_groups(id) ON DELETE CASCADE,
      parent_id uuid REFERENCES competencies(id) ON DELETE CASCADE,
      code text NOT NULL,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      description_vi text NOT NULL DEFAULT '',
      description_en text NOT NULL DEFAULT '',
      -- Accent-folded name and code, for search without diacritics.
      search_text text NOT NULL,
      position int NOT NULL,
      UNIQUE (version_id, code)
    )`.execute(db);
  await sql`CREATE INDEX competencies_group ON competencies (group_id)`.execute(db);

  await sql`
    CREATE TABLE competency_indicators (
      competency_id uuid NOT NULL REFERENCES competencies(id) ON DELETE CASCADE,
      level smallint NOT NULL CHECK (level BETWEEN 1 AND 8),
      position int NOT NULL,
      text_vi text NOT NULL,
      text_en text NOT NULL,
      PRIMARY KEY (competency_id, level, position)
    )`.execute(db);

  await sql`
    CREATE TABLE positions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      code text NOT NULL UNIQUE,
      title_vi text NOT NULL,
      title_en text NOT NULL DEFAULT '',
      search_title text NOT NULL,
      role_category text NOT NULL CHECK (role_category IN ('leader', 'manager', 'professional', 'support')),
      tier text NOT NULL CHECK (tier IN ('central', 'province', 'commune', 'district')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX positions_agency ON positions (agency_id)`.execute(db);

  // Requirements point at the competency of the published version they were set against.
  await sql`
    CREATE TABLE position_requirements (
      position_id uuid NOT NULL REFERENCES positions(id) ON DELETE CASCADE,
      competency_id uuid NOT NULL REFERENCES competencies(id),
      required_level smallint NOT NULL CHECK (required_level BETWEEN 1 AND 8),
      criticality smallint NOT NULL CHECK (criticality BETWEEN 1 AND 3),
      PRIMARY KEY (position_id, competency_id)
    )`.execute(db);
  await sql`CREATE INDEX position_requirements_competency ON position_requirements (competency_id)`.execute(db);

  // National templates per role category x administrative tier.
  await sql`
    CREATE TABLE profile_templates (
      role_category text NOT NULL CHECK (role_category IN ('leader', 'manager', 'professional', 'support')),
      tier text NOT NULL CHECK (tier IN ('central', 'province', 'commune', 'district')),
      competency_id uuid NOT NULL REFERENCES competencies(id),
      required_level smallint NOT NULL CHECK (required_level BETWEEN 1 AND 8),
      criticality smallint NOT NULL CHECK (criticality BETWEEN 1 AND 3),
      PRIMARY KEY (role_category, tier, competency_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'profile_templates',
    'position_requirements',
    'positions',
    'competency_indicators',
    'competencies',
    'competency_groups',
    'framework_levels',
    'framework_versions',
    'frameworks',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
