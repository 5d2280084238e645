// Test factories: valid rows with sensible defaults, so an API test builds the
// one agency, person and cycle it needs instead of booting the whole demo.
// Organisation rows (agency, person, account, position, framework) are
// inserted as their services write them (same path and search columns); they
// are the bootstrap a service would need an actor for. Everything about an
// assessment goes through the real services: createCycle, assignCycle,
// saveForm and consolidateCycle, so results are what consolidation computes,
// never copied SQL. Every factory takes `db` (or a TestApp) and overrides.
import type { Actor } from '../../src/platform/auth/actor.js';
import type { Role } from '../../src/platform/auth/roles.js';
import type { Db } from '../../src/platform/db/engine.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import { foldForSearch } from '../../src/platform/text/vietnamese.js';
import { createCycle, type CycleInput } from '../../src/modules/assessment/cycles.service.js';
import { assignCycle } from '../../src/modules/assessment/assignment.service.js';
import { saveForm } from '../../src/modules/assessment/forms.service.js';
import { consolidateCycle } from '../../src/modules/assessment/consolidate.service.js';
import type { TestApp } from './test-app.js';
import type { AgencyKind } from '../../src/modules/org/org.schema.js';
import { day } from './waits.js';

/** The password of every factory account (unless given). */
export const FACTORY_PASSWORD = 'Factory-Passw0rd!';

// Argon2id costs tens of milliseconds a hash: one hash of the shared password per test process, as the demo does.
let factoryHash: Promise<string> | undefined;
const passwordHash = (password: string) => (password === FACTORY_PASSWORD ? (factoryHash ??= hashPassword(FACTORY_PASSWORD)) : hashPassword(password));

type DbOrApp = Db | TestApp;
const dbOf = (x: DbOrApp): Db => ('db' in x && 'signIn' in x ? x.db : x);
/** Unique suffix: factories run many times in one database (and on a shared PostgreSQL). */
const unique = () => crypto.randomUUID().slice(0, 8).toUpperCase();

export interface AgencyRow {
  id: string;
  code: string;
  name: string;
  path: string;
}

export async function agency(x: DbOrApp, o: { parent?: AgencyRow; name?: string; code?: string; kind?: AgencyKind } = {}): Promise<AgencyRow> {
  const id = crypto.randomUUID();
  const row = {
    id,
    code: (o.code ?? `F-${unique()}`).toUpperCase(),
    name: o.name ?? `Sở thử nghiệm ${unique()}`,
    name_en: null,
    kind: o.kind ?? (o.parent ? 'department' : 'ministry'),
    parent_id: o.parent?.id ?? null,
    path: `${o.parent?.path ?? '/'}${id}/`,
  };
  await dbOf(x).insertInto('agencies').values(row).execute();
  return { id, code: row.code, name: row.name, path: row.path };
}

export interface PersonRow {
  id: string;
  staffCode: string;
  fullName: string;
  agencyId: string;
}

export async function person(
  x: DbOrApp,
  o: { agency: AgencyRow; fullName?: string; staffCode?: string; positionId?: string | null; roleCategory?: 'leader' | 'professional' | 'support' },
): Promise<PersonRow> {
  const fullName = o.fullName ?? 'Nguyễn Văn Thử';
  const staffCode = o.staffCode ?? `F-${unique()}`;
  const row = await dbOf(x)
    .insertInto('people')
    .values({
      staff_code: staffCode,
      full_name: fullName,
      search_name: foldForSearch(fullName),
      agency_id: o.agency.id,
      position_id: o.positionId ?? null,
      role_category: o.roleCategory ?? 'professional',
      email: `${staffCode.toLowerCase()}@factory.test`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, staffCode, fullName, agencyId: o.agency.id };
}

export interface AccountRow {
  userId: string;
  username: string;
  password: string;
  actor: Actor;
}

/** An account with a role in an agency (linked to a person if given); sign in with `username` and `password`. */
export async function account(
  x: DbOrApp,
  o: { agency: AgencyRow; role?: Role; person?: PersonRow; username?: string; password?: string },
): Promise<AccountRow> {
  const username = o.username ?? `f.${unique().toLowerCase()}`;
  const password = o.password ?? FACTORY_PASSWORD;
  const displayName = o.person?.fullName ?? username;
  const role = o.role ?? 'civil_servant';
  const row = await dbOf(x)
    .insertInto('users')
    .values({ username, display_name: displayName, password_hash: await passwordHash(password), role, agency_id: o.agency.id, person_id: o.person?.id ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actor: Actor = {
    userId: row.id,
    username,
    displayName,
    role,
    agencyId: o.agency.id,
    agencyName: o.agency.name,
    agencyPath: o.agency.path,
    personId: o.person?.id ?? null,
  };
  return { userId: row.id, username, password, actor };
}

export interface FrameworkRow {
  versionId: string;
  competencyIds: string[];
}

/** A small published framework (`competencies` competencies on five levels) owned by `agency`. */
export async function framework(x: DbOrApp, o: { agency: AgencyRow; competencies?: number; code?: string }): Promise<FrameworkRow> {
  const db = dbOf(x);
  const f = await db
    .insertInto('frameworks')
    .values({ code: o.code ?? `FW-${unique()}`, scope: 'national', agency_id: o.agency.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await db
    .insertInto('framework_versions')
    .values({
      framework_id: f.id,
      version_no: 1,
      status: 'published',
      name_vi: 'Khung năng lực thử',
      name_en: 'Factory framework',
      level_count: 5,
      published_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('framework_levels')
    .values([1, 2, 3, 4, 5].map((level) => ({ version_id: version.id, level, name_vi: `Mức ${level}`, name_en: `Level ${level}` })))
    .execute();
  const group = await db
    .insertInto('competency_groups')
    .values({ version_id: version.id, code: 'G1', kind: 'core', name_vi: 'Nhóm năng lực chung', name_en: 'Core competencies', position: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const competencyIds: string[] = [];
  for (let i = 1; i <= (o.competencies ?? 3); i++) {
    const name = `Năng lực thử ${i}`;
    const c = await db
      .insertInto('competencies')
      .values({
        version_id: version.id,
        group_id: group.id,
        code: `C${String(i).padStart(2, '0')}`,
        name_vi: name,
        name_en: `Competency ${i}`,
        search_text: foldForSearch(name),
        position: i,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    competencyIds.push(c.id);
  }
  await db
    .insertInto('competency_indicators')
    .values(
      competencyIds.flatMap((id) =>
        [1, 2, 3, 4, 5].map((level) => ({ competency_id: id, level, position: 1, text_vi: `Biểu hiện mức ${level}`, text_en: `Indicator ${level}` })),
      ),
    )
    .execute();
  return { versionId: version.id, competencyIds };
}

/** A position of `agency` whose profile requires every competency given (level 3, 4, 3, …; criticality 1, 2, 3, …). */
export async function position(
  x: DbOrApp,
  o: { agency: AgencyRow; competencyIds: string[]; title?: string; requiredLevel?: (i: number) => number },
): Promise<string> {
  const db = dbOf(x);
  const title = o.title ?? 'Chuyên viên thử nghiệm';
  const row = await db
    .insertInto('positions')
    .values({
      agency_id: o.agency.id,
      code: `POS-${unique()}`,
      title_vi: title,
      title_en: 'Factory officer',
      search_title: foldForSearch(title),
      role_category: 'professional',
      tier: 'province',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('position_requirements')
    .values(
      o.competencyIds.map((id, i) => ({
        position_id: row.id,
        competency_id: id,
        required_level: o.requiredLevel?.(i) ?? 3 + (i % 2),
        criticality: 1 + (i % 3),
      })),
    )
    .execute();
  return row.id;
}

/** Level a rater gives: by subject, competency and rater index (reproducible). */
export type LevelOf = (subjectIndex: number, competencyIndex: number, raterIndex: number) => number;
const defaultLevel: LevelOf = (s, c, r) => 1 + ((s * 2 + c + r) % 5);

export interface CycleRow {
  id: string;
  subjects: number;
  submitted: number;
}

/**
 * A cycle through the real services: created by `hr` (an HR account of the
 * cycle's agency), assigned (self, leader and peers as assignCycle proposes),
 * and every form whose rater has an account submitted with `levels` (only
 * the sources `submit` accepts, if given). `submitted` counts the forms submitted.
 */
export async function cycle(
  x: DbOrApp,
  o: { hr: AccountRow; framework: FrameworkRow; personIds: string[]; levels?: LevelOf; input?: Partial<CycleInput>; submit?: (source: string) => boolean },
): Promise<CycleRow> {
  const db = dbOf(x);
  const created = await createCycle(db, o.hr.actor, {
    name: `Đợt thử ${unique()}`,
    kind: 'ad_hoc',
    scope: { personIds: o.personIds },
    opensOn: day(-1),
    closesOn: day(30),
    frameworkVersionId: o.framework.versionId,
    ...o.input,
  });
  await assignCycle(db, o.hr.actor, created);
  const submitted = await submitForms(x, { cycleId: created, framework: o.framework, personIds: o.personIds, levels: o.levels, submit: o.submit });
  return { id: created, subjects: o.personIds.length, submitted };
}

/**
 * Every form of a cycle whose rater has an account, submitted with `levels` (by subject index in
 * `personIds`, competency index in the framework, rater index), only the sources `submit` accepts if given.
 * Competencies not on a form are left out. Returns how many forms were submitted.
 */
export async function submitForms(
  x: DbOrApp,
  o: { cycleId: string; framework: FrameworkRow; personIds: string[]; levels?: LevelOf; submit?: (source: string) => boolean },
): Promise<number> {
  const db = dbOf(x);
  const created = o.cycleId;
  const forms = await db
    .selectFrom('assessment_assignments as x')
    .innerJoin('users as u', (j) => j.on((e) => e.or([e('u.person_id', '=', e.ref('x.rater_person_id')), e('u.id', '=', e.ref('x.rater_user_id'))])))
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select([
      'x.id',
      'x.subject_id',
      'x.source',
      'u.id as userId',
      'u.username',
      'u.display_name',
      'u.role',
      'u.agency_id',
      'a.name as agencyName',
      'a.path',
      'u.person_id',
    ])
    .where('x.cycle_id', '=', created)
    .orderBy('x.id')
    .execute();
  const onForm = new Map(
    (await db.selectFrom('assessment_subjects').select(['person_id', 'competency_ids']).where('cycle_id', '=', created).execute()).map((r) => [
      r.person_id,
      new Set(r.competency_ids),
    ]),
  );
  const levels = o.levels ?? defaultLevel;
  const raterIndex = new Map<string, number>();
  for (const f of forms) {
    if (o.submit && !o.submit(f.source)) continue;
    const s = o.personIds.indexOf(f.subject_id);
    const r = raterIndex.get(f.subject_id) ?? 0;
    raterIndex.set(f.subject_id, r + 1);
    const actor: Actor = {
      userId: f.userId,
      username: f.username,
      displayName: f.display_name,
      role: f.role,
      agencyId: f.agency_id,
      agencyName: f.agencyName,
      agencyPath: f.path,
      personId: f.person_id,
    };
    await saveForm(
      db,
      actor,
      f.id,
      o.framework.competencyIds.flatMap((competencyId, c) => (onForm.get(f.subject_id)?.has(competencyId) ? [{ competencyId, level: levels(s, c, r) }] : [])),
      true,
    );
  }
  return [...raterIndex.values()].reduce((a, b) => a + b, 0);
}

/** A cycle as `cycle` builds it, then consolidated by the real consolidation (results, history, needs summaries). */
export async function consolidatedCycle(x: DbOrApp, o: Parameters<typeof cycle>[1]): Promise<CycleRow & { results: number }> {
  const built = await cycle(x, o);
  const done = await consolidateCycle(dbOf(x), o.hr.actor, built.id);
  return { ...built, results: done.results };
}

/**
 * One agency with an HR officer, a published framework, a position requiring
 * it, and `people` staff holding the position, each with an account: the
 * smallest world most API tests need.
 */
export async function world(x: DbOrApp, o: { people?: number; competencies?: number } = {}) {
  const root = await agency(x);
  const dept = await agency(x, { parent: root });
  const fw = await framework(x, { agency: root, competencies: o.competencies });
  const positionId = await position(x, { agency: dept, competencyIds: fw.competencyIds });
  const hr = await account(x, { agency: dept, role: 'hr_officer' });
  const staff: Array<PersonRow & { account: AccountRow }> = [];
  for (let i = 0; i < (o.people ?? 3); i++) {
    const p = await person(x, { agency: dept, positionId, fullName: `Cán Bộ Thử ${String.fromCharCode(65 + i)}` });
    staff.push({ ...p, account: await account(x, { agency: dept, person: p }) });
  }
  return { root, dept, framework: fw, positionId, hr, staff };
}
