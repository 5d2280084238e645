import { sql, type Transaction } from 'kysely';
import type { Db } from '../../../platform/db/engine.js';
import type { Database } from '../../../platform/db/schema.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { foldForSearch, nameSortKey } from '../../../platform/text/vietnamese.js';
import { loadAdminUnitsIfEmpty } from '../../org/admin-units.loader.js';
import { insertStaffBatch, type StaffRow } from '../people.bulk.js';
import { positionCatalogue } from '../positions.lookup.js';
import type { RoleCategory } from '../people.tables.js';
import type { AgencyKind } from '../../org/org.schema.js';
import { nameGenerator, seededRandom } from './name-generator.js';
import { shippedNameLists } from './name-lists.js';

type Trx = Transaction<Database>;

const CENTRAL = [
  ['BTC', 'Bộ Tài chính', 'Ministry of Finance'],
  ['BKHCN', 'Bộ Khoa học và Công nghệ', 'Ministry of Science and Technology'],
  ['BTP', 'Bộ Tư pháp', 'Ministry of Justice'],
  ['BYT', 'Bộ Y tế', 'Ministry of Health'],
  ['BGDDT', 'Bộ Giáo dục và Đào tạo', 'Ministry of Education and Training'],
  ['VPCP', 'Văn phòng Chính phủ', 'Government Office'],
] as const;
const DEPARTMENTS = [
  ['SNV', 'Sở Nội vụ', 'Department of Home Affairs'],
  ['STC', 'Sở Tài chính', 'Department of Finance'],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 'Department of Science and Technology'],
  ['SYT', 'Sở Y tế', 'Department of Health'],
  ['STP', 'Sở Tư pháp', 'Department of Justice'],
] as const;
const COMMUNES_PER_PROVINCE = 12;
const RANKS: [string, RoleCategory][] = [
  ['Chuyên viên', 'professional'],
  ['Chuyên viên', 'professional'],
  ['Chuyên viên', 'professional'],
  ['Chuyên viên chính', 'professional'],
  ['Chuyên viên chính', 'manager'],
  ['Chuyên viên cao cấp', 'leader'],
  ['Cán sự', 'support'],
  ['Nhân viên', 'support'],
];

async function upsertAgency(
  trx: Trx,
  a: { code: string; name: string; nameEn: string | null; kind: AgencyKind; parentId: string | null; parentPath: string; unitId: string | null },
) {
  const existing = await trx.selectFrom('agencies').select(['id', 'path']).where('code', '=', a.code).executeTakeFirst();
  if (existing) return existing;
  const id = crypto.randomUUID();
  const path = `${a.parentPath}${id}/`;
  await trx
    .insertInto('agencies')
    .values({ id, code: a.code, name: a.name, name_en: a.nameEn, kind: a.kind, parent_id: a.parentId, path, admin_unit_id: a.unitId, valid_from: '2025-07-01' })
    .execute();
  return { id, path };
}

/** Central bodies, the 34 provinces with their departments, and a dozen communes each. Idempotent by agency code. */
async function seedAgencies(trx: Trx, communesPerProvince: number): Promise<string[]> {
  for (const [code, name, nameEn] of CENTRAL) await upsertAgency(trx, { code, name, nameEn, kind: 'ministry', parentId: null, parentPath: '/', unitId: null });
  const provinces = await trx
    .selectFrom('admin_units')
    .select(['id', 'code', 'full_name'])
    .where('era', '=', '2025')
    .where('tier', '=', 'province')
    .orderBy('code')
    .execute();
  for (const p of provinces) {
    // The demo already has Hà Nội and Đà Nẵng: reuse their people's committees.
    const tied = await trx.selectFrom('agencies').select(['id', 'path']).where('admin_unit_id', '=', p.id).where('kind', '=', 'province').executeTakeFirst();
    const province =
      tied ??
      (await upsertAgency(trx, {
        code: `T${p.code}`,
        name: `Ủy ban nhân dân ${lowerFirst(p.full_name)}`,
        nameEn: null,
        kind: 'province',
        parentId: null,
        parentPath: '/',
        unitId: p.id,
      }));
    const prefix = tied ? (await trx.selectFrom('agencies').select('code').where('id', '=', tied.id).executeTakeFirstOrThrow()).code : `T${p.code}`;
    for (const [code, name, nameEn] of DEPARTMENTS) {
      await upsertAgency(trx, {
        code: `${prefix}-${code}`,
        name: `${name} ${lowerFirst(p.full_name)}`,
        nameEn: `${nameEn}, ${p.full_name}`,
        kind: 'department',
        parentId: province.id,
        parentPath: province.path,
        unitId: p.id,
      });
    }
    const communes = await trx
      .selectFrom('admin_units')
      .select(['id', 'code', 'full_name'])
      .where('parent_id', '=', p.id)
      .orderBy('code')
      .limit(communesPerProvince)
      .execute();
    for (const c of communes) {
      await upsertAgency(trx, {
        code: `${prefix}-X${c.code}`,
        name: `Ủy ban nhân dân ${lowerFirst(c.full_name)}`,
        nameEn: null,
        kind: 'commune',
        parentId: province.id,
        parentPath: province.path,
        unitId: c.id,
      });
    }
  }
  // Ordered by code, not id, so the same seed puts the same people in the same agencies.
  const all = await trx.selectFrom('agencies').select('id').where('valid_to', 'is', null).where('kind', '!=', 'institution').orderBy('code').execute();
  return all.map((a) => a.id);
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export interface SeedCountryResult {
  agencies: number;
  peopleAdded: number;
  positionsAvailable: boolean;
}

/**
 * A country-sized demo: agencies across the 34 provinces and N civil servants
 * with names drawn at real surname frequencies. Reproducible: the same seed and
 * N give the same people (staff codes DM-000001…); running again adds only the
 * missing ones.
 */
/** `communesPerProvince`: 12 for a demo, all of them (Infinity) for the national data set. */
export async function seedCountry(db: Db, options: { people: number; seed?: number; communesPerProvince?: number }): Promise<SeedCountryResult> {
  return db.transaction().execute(async (trx) => {
    await loadAdminUnitsIfEmpty(trx);
    const communes = options.communesPerProvince ?? COMMUNES_PER_PROVINCE;
    const agencyIds = await seedAgencies(trx, Number.isFinite(communes) ? communes : 100_000);
    const positions = await positionCatalogue(trx);
    // Positions are posts of one agency: a person gets one of their agency's posts, of their role if it has one.
    const postsByAgency = new Map<string, { id: string; roleCategory: string }[]>();
    for (const p of [...(positions?.values() ?? [])].sort((a, b) => a.id.localeCompare(b.id)))
      postsByAgency.set(p.agencyId, [...(postsByAgency.get(p.agencyId) ?? []), p]);
    const random = seededRandom(options.seed ?? 2026);
    const nextName = nameGenerator(shippedNameLists(), random);
    const rows: StaffRow[] = [];
    for (let i = 1; i <= options.people; i++) {
      const { fullName, gender } = nextName();
      const [rank, roleCategory] = RANKS[Math.floor(random() * RANKS.length)]!;
      const birth = new Date(Date.UTC(1966 + Math.floor(random() * 37), Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
      const agencyId = agencyIds[Math.floor(random() * agencyIds.length)]!;
      const posts = postsByAgency.get(agencyId) ?? [];
      const post = posts.find((p) => p.roleCategory === roleCategory) ?? posts[0];
      rows.push({
        staffCode: `DM-${String(i).padStart(6, '0')}`,
        fullName,
        searchName: foldForSearch(fullName),
        sortKey: nameSortKey(fullName),
        dateOfBirth: birth.toISOString().slice(0, 10),
        gender,
        agencyId,
        positionId: post?.id ?? null,
        roleCategory,
        rank,
        email: null,
        phone: `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
        status: random() < 0.95 ? 'active' : 'on_leave',
      });
    }
    const { rows: taken } = await sql<{ staff_code: string }>`SELECT staff_code FROM people WHERE staff_code LIKE 'DM-%'`.execute(trx);
    const existing = new Set(taken.map((t) => t.staff_code));
    const fresh = rows.filter((r) => !existing.has(r.staffCode));
    await insertStaffBatch(trx, fresh, '2025-07-01', 'hired');
    await recordAudit(trx, null, {
      action: 'seed',
      entity: 'staff_register',
      entityId: 'demo',
      agencyPath: null,
      after: { people: fresh.length, seed: options.seed ?? 2026 },
    });
    return { agencies: agencyIds.length, peopleAdded: fresh.length, positionsAvailable: positions !== null };
  });
}
