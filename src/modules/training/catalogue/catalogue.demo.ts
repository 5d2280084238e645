import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import type { DemoContext } from '../../../platform/modules/module-descriptor.js';
import { foldForSearch } from '../../../platform/text/vietnamese.js';
import { NATIONAL_FRAMEWORK_CODE } from '../../framework/seed/national-framework.js';
import { DEMO_COURSES, DEMO_INSTITUTIONS, DEMO_LECTURERS } from './catalogue.demo-data.js';

/**
 * Demo seeder of the catalogue: institutions with their trainer accounts and
 * clients, 40 courses on the published national framework, and lecturers.
 * Runs inside the one demo transaction after the framework's seeder; a few bulk
 * inserts keep the first start fast.
 */
export async function catalogueDemoSeed(trx: Transaction<Database>, { agencyIds }: DemoContext): Promise<void> {
  const version = await trx
    .selectFrom('framework_versions as v')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .select('v.id')
    .where('f.code', '=', NATIONAL_FRAMEWORK_CODE)
    .where('v.status', '=', 'published')
    .executeTakeFirst();
  if (!version) return;
  const competencies = new Map(
    (await trx.selectFrom('competencies').select(['id', 'code']).where('version_id', '=', version.id).execute()).map((c) => [c.code, c.id]),
  );
  const competency = (code: string) => {
    const id = competencies.get(code);
    if (!id) throw new Error(`demo catalogue: no competency ${code} in the national framework`);
    return id;
  };

  const institutionIds = new Map<string, string>();
  for (const inst of DEMO_INSTITUTIONS) {
    const agencyId = agencyIds.get(inst.agencyCode);
    if (!agencyId) return;
    const id = crypto.randomUUID();
    institutionIds.set(inst.code, id);
    await trx
      .insertInto('training_institutions')
      .values({
        id,
        code: inst.code,
        name: inst.name,
        name_en: inst.nameEn,
        search_name: foldForSearch(`${inst.code} ${inst.name}`),
        kind: inst.kind,
        agency_id: agencyId,
      })
      .execute();
    const clients = inst.clients.flatMap((c) => (agencyIds.has(c) ? [{ institution_id: id, agency_id: agencyIds.get(c)! }] : []));
    if (clients.length) await trx.insertInto('training_institution_clients').values(clients).execute();
    const staff = inst.staff.length
      ? await trx.selectFrom('users').select('id').where('username', 'in', inst.staff).where('role', '=', 'trainer').execute()
      : [];
    if (staff.length)
      await trx
        .insertInto('training_institution_staff')
        .values(staff.map((u) => ({ user_id: u.id, institution_id: id })))
        .execute();
  }

  const courseIds = new Map(DEMO_COURSES.map((c) => [`${c.institution}/${c.code}`, crypto.randomUUID()]));
  await trx
    .insertInto('training_courses')
    .values(
      DEMO_COURSES.map((c) => ({
        id: courseIds.get(`${c.institution}/${c.code}`)!,
        institution_id: institutionIds.get(c.institution)!,
        code: c.code,
        title: c.title,
        title_en: c.titleEn,
        search_title: foldForSearch(`${c.code} ${c.title} ${c.titleEn}`),
        format: c.format,
        hours: c.hours,
        cost_per_seat: c.cost,
        framework_version_id: version.id,
        pass_score: c.passScore ?? null,
      })),
    )
    .execute();
  await trx
    .insertInto('training_course_competencies')
    .values(
      DEMO_COURSES.flatMap((c) =>
        c.targets.map(([code, from, to]) => ({
          course_id: courseIds.get(`${c.institution}/${c.code}`)!,
          competency_id: competency(code),
          from_level: from,
          to_level: to,
        })),
      ),
    )
    .execute();
  const prerequisites = DEMO_COURSES.flatMap((c) =>
    (c.prerequisites ?? []).map((p) => ({
      course_id: courseIds.get(`${c.institution}/${c.code}`)!,
      prerequisite_id: courseIds.get(p.includes('/') ? p : `${c.institution}/${p}`)!,
    })),
  );
  if (prerequisites.length) await trx.insertInto('training_course_prerequisites').values(prerequisites).execute();

  for (const [institutionCode, lecturers] of Object.entries(DEMO_LECTURERS)) {
    const rows = lecturers.map(([fullName, title, email]) => ({
      id: crypto.randomUUID(),
      institution_id: institutionIds.get(institutionCode)!,
      full_name: fullName,
      search_name: foldForSearch(fullName),
      title,
      email,
    }));
    await trx.insertInto('training_lecturers').values(rows).execute();
    await trx
      .insertInto('training_lecturer_competencies')
      .values(
        lecturers.flatMap(([, , , skills], i) => skills.map(([code, max]) => ({ lecturer_id: rows[i]!.id, competency_id: competency(code), max_level: max }))),
      )
      .execute();
  }
}
