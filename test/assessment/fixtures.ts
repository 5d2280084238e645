import type { Db } from '../../src/platform/db/engine.js';
import { foldForSearch } from '../../src/platform/text/vietnamese.js';

export interface AssessmentFixture {
  versionId: string;
  competencyIds: string[];
  positionId: string;
  agencyIds: Record<string, string>;
  /** Person id by username, for the demo accounts and the colleagues added here. */
  personIds: Record<string, string>;
}

/**
 * A published framework version with `competencies` competencies on five
 * levels (each with indicators), a position requiring all of them, and four
 * colleagues with accounts in the Hanoi department, so that peers can reach
 * the anonymity threshold. Accounts reuse the demo password's hash.
 */
export async function createAssessmentFixture(db: Db, options: { competencies?: number; code?: string } = {}): Promise<AssessmentFixture> {
  const count = options.competencies ?? 4;
  const code = options.code ?? 'ASSESS-TEST';
  const agencies = await db.selectFrom('agencies').select(['id', 'code']).execute();
  const agencyIds = Object.fromEntries(agencies.map((a) => [a.code, a.id]));
  const bnv = agencyIds['BNV']!;
  const framework = await db.insertInto('frameworks').values({ code, scope: 'national', agency_id: bnv }).returning('id').executeTakeFirstOrThrow();
  const version = await db
    .insertInto('framework_versions')
    .values({
      framework_id: framework.id,
      version_no: 1,
      status: 'published',
      name_vi: 'Khung năng lực thử nghiệm',
      name_en: 'Test framework',
      level_count: 5,
      published_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const levelNames = ['Nhận biết', 'Áp dụng', 'Thành thạo', 'Nâng cao', 'Chuyên gia'];
  await db
    .insertInto('framework_levels')
    .values(levelNames.map((name, i) => ({ version_id: version.id, level: i + 1, name_vi: name, name_en: `Level ${i + 1}` })))
    .execute();
  const group = await db
    .insertInto('competency_groups')
    .values({ version_id: version.id, code: 'G1', kind: 'core', name_vi: 'Công nghệ số và dữ liệu', name_en: 'Digital technology and data', position: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const competencyIds: string[] = [];
  for (let i = 1; i <= count; i++) {
    const name = `Năng lực số ${i}`;
    const row = await db
      .insertInto('competencies')
      .values({
        version_id: version.id,
        group_id: group.id,
        code: `C${String(i).padStart(2, '0')}`,
        name_vi: name,
        name_en: `Digital competency ${i}`,
        search_text: foldForSearch(name),
        position: i,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    competencyIds.push(row.id);
  }
  const indicators = competencyIds.flatMap((id, ci) =>
    [1, 2, 3, 4, 5].map((level) => ({
      competency_id: id,
      level,
      position: 1,
      text_vi: `Biểu hiện mức ${level} của năng lực ${ci + 1}`,
      text_en: `Indicator of level ${level}`,
    })),
  );
  await db.insertInto('competency_indicators').values(indicators).execute();
  const position = await db
    .insertInto('positions')
    .values({
      agency_id: agencyIds['HN']!,
      code: `${code}-CV`,
      title_vi: 'Chuyên viên chuyển đổi số',
      title_en: 'Digital transformation officer',
      search_title: 'chuyen vien chuyen doi so',
      role_category: 'professional',
      tier: 'province',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('position_requirements')
    .values(competencyIds.map((id, i) => ({ position_id: position.id, competency_id: id, required_level: 3 + (i % 2), criticality: 1 + (i % 3) })))
    .execute();

  const hash = (await db.selectFrom('users').select('password_hash').where('username', '=', 'canbo.hanoi').executeTakeFirstOrThrow()).password_hash;
  const colleagues = [
    { username: 'peer.duc', staffCode: 'HN-0003' },
    { username: 'peer.ngoc', staffCode: 'HN-0004' },
    { username: 'peer.anh', fullName: 'Phạm Thị Ánh', staffCode: 'HN-9001' },
    { username: 'peer.binh', fullName: 'Vũ Đức Bình', staffCode: 'HN-9002' },
  ];
  for (const c of colleagues) {
    let person = await db.selectFrom('people').select(['id', 'full_name']).where('staff_code', '=', c.staffCode).executeTakeFirst();
    if (!person) {
      person = await db
        .insertInto('people')
        .values({
          staff_code: c.staffCode,
          full_name: c.fullName!,
          search_name: foldForSearch(c.fullName!),
          agency_id: agencyIds['HN-SNV']!,
          role_category: 'professional',
          email: `${c.username}@nangluc.demo`,
        })
        .returning(['id', 'full_name'])
        .executeTakeFirstOrThrow();
    }
    await db
      .insertInto('users')
      .values({
        username: c.username,
        display_name: person.full_name,
        password_hash: hash,
        role: 'civil_servant',
        agency_id: agencyIds['HN-SNV']!,
        person_id: person.id,
      })
      .execute();
  }
  // Everyone in the department holds the position, so forms follow its profile.
  await db
    .updateTable('people')
    .set({ position_id: position.id })
    .where('agency_id', '=', agencyIds['HN-SNV']!)
    .where('role_category', '=', 'professional')
    .execute();
  const users = await db.selectFrom('users').select(['username', 'person_id']).where('person_id', 'is not', null).execute();
  const personIds = Object.fromEntries(users.map((u) => [u.username, u.person_id!]));
  return { versionId: version.id, competencyIds, positionId: position.id, agencyIds, personIds };
}
