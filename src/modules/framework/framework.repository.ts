import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { foldForSearch } from '../../platform/text/vietnamese.js';
import type { FrameworkDocument } from './document.js';
import type { FrameworkScope, VersionStatus } from './framework.tables.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** SQL of the framework module. Rules (who, when, which status) live in framework.service.ts. */

export interface VersionRow {
  id: string;
  frameworkId: string;
  code: string;
  scope: FrameworkScope;
  agencyId: string;
  agencyPath: string;
  agencyName: string;
  baseFrameworkId: string | null;
  baseVersionId: string | null;
  versionNo: number;
  status: VersionStatus;
  nameVi: string;
  nameEn: string;
  levelCount: number;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

function versionQuery(db: Executor) {
  return db
    .selectFrom('framework_versions as v')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .innerJoin('agencies as a', 'a.id', 'f.agency_id')
    .select([
      'v.id',
      'v.framework_id as frameworkId',
      'f.code',
      'f.scope',
      'f.agency_id as agencyId',
      'a.path as agencyPath',
      'a.name as agencyName',
      'f.base_framework_id as baseFrameworkId',
      'v.base_version_id as baseVersionId',
      'v.version_no as versionNo',
      'v.status',
      'v.name_vi as nameVi',
      'v.name_en as nameEn',
      'v.level_count as levelCount',
      'v.published_at as publishedAt',
      'v.created_at as createdAt',
      'v.updated_at as updatedAt',
    ]);
}

export async function findVersion(db: Executor, versionId: string): Promise<VersionRow | undefined> {
  return versionQuery(db).where('v.id', '=', versionId).executeTakeFirst();
}

export async function listVersions(db: Executor, frameworkId?: string): Promise<VersionRow[]> {
  let query = versionQuery(db);
  if (frameworkId) query = query.where('v.framework_id', '=', frameworkId);
  return query.orderBy('f.code').orderBy('v.version_no', 'desc').execute();
}

export async function findFrameworkByCode(db: Executor, code: string) {
  return db
    .selectFrom('frameworks as f')
    .innerJoin('agencies as a', 'a.id', 'f.agency_id')
    .select(['f.id', 'f.code', 'f.scope', 'f.agency_id as agencyId', 'a.path as agencyPath', 'f.base_framework_id as baseFrameworkId'])
    .where('f.code', '=', code)
    .executeTakeFirst();
}

export async function findFramework(db: Executor, id: string) {
  return db
    .selectFrom('frameworks as f')
    .innerJoin('agencies as a', 'a.id', 'f.agency_id')
    .select(['f.id', 'f.code', 'f.scope', 'f.agency_id as agencyId', 'a.path as agencyPath', 'f.base_framework_id as baseFrameworkId'])
    .where('f.id', '=', id)
    .executeTakeFirst();
}

export async function versionOfStatus(db: Executor, frameworkId: string, status: VersionStatus) {
  return db
    .selectFrom('framework_versions')
    .select(['id', 'version_no as versionNo'])
    .where('framework_id', '=', frameworkId)
    .where('status', '=', status)
    .executeTakeFirst();
}

export async function nextVersionNo(db: Executor, frameworkId: string): Promise<number> {
  const row = await db
    .selectFrom('framework_versions')
    .select((eb) => eb.fn.coalesce(eb.fn.max('version_no'), eb.lit(0)).as('max'))
    .where('framework_id', '=', frameworkId)
    .executeTakeFirstOrThrow();
  return Number(row.max) + 1;
}

export async function insertFramework(
  trx: Transaction<Database>,
  values: { code: string; scope: FrameworkScope; agencyId: string; baseFrameworkId: string | null },
): Promise<string> {
  const row = await trx
    .insertInto('frameworks')
    .values({ code: values.code, scope: values.scope, agency_id: values.agencyId, base_framework_id: values.baseFrameworkId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertVersion(
  trx: Transaction<Database>,
  values: { frameworkId: string; versionNo: number; baseVersionId: string | null; createdBy: string | null; doc: FrameworkDocument },
): Promise<string> {
  const row = await trx
    .insertInto('framework_versions')
    .values({
      framework_id: values.frameworkId,
      version_no: values.versionNo,
      status: 'draft',
      base_version_id: values.baseVersionId,
      ...versionHeader(values.doc),
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function versionHeader(doc: FrameworkDocument) {
  return {
    name_vi: doc.name.vi,
    name_en: doc.name.en,
    description_vi: doc.description.vi,
    description_en: doc.description.en,
    attribution: doc.attribution,
    level_count: doc.levels.length,
    case_identifier: doc.identifier ?? null,
    case_uri: doc.uri ?? null,
    case_language: doc.language ?? null,
    case_creator: doc.creator ?? null,
    case_base: doc.base ? JSON.stringify(doc.base) : null,
    moodle_extras: doc.moodle ? JSON.stringify(doc.moodle) : null,
    case_rubrics: doc.rubrics ? JSON.stringify(doc.rubrics) : null,
  };
}

const caseColumns = (node: { identifier?: string; uri?: string; itemType?: string }) => ({
  case_identifier: node.identifier ?? null,
  case_uri: node.uri ?? null,
  case_item_type: node.itemType ?? null,
});

/** The stored CASE names of a node, without the keys it has none for (so a document without them stays as it was). */
function caseIdentityOf(row: { case_identifier: string | null; case_uri: string | null; case_item_type: string | null }) {
  return {
    ...(row.case_identifier !== null ? { identifier: row.case_identifier } : {}),
    ...(row.case_uri !== null ? { uri: row.case_uri } : {}),
    ...(row.case_item_type !== null ? { itemType: row.case_item_type } : {}),
  };
}

export async function setStatus(trx: Transaction<Database>, versionId: string, status: VersionStatus, actorId: string | null) {
  const now = new Date();
  await trx
    .updateTable('framework_versions')
    .set({
      status,
      updated_at: now,
      ...(status === 'published' ? { published_at: now, published_by: actorId } : {}),
      ...(status === 'retired' ? { retired_at: now } : {}),
    })
    .where('id', '=', versionId)
    .execute();
}

/** Replace everything inside a (draft) version by the document's content. */
export async function replaceContent(trx: Transaction<Database>, versionId: string, doc: FrameworkDocument): Promise<void> {
  await trx
    .updateTable('framework_versions')
    .set({ ...versionHeader(doc), updated_at: new Date() })
    .where('id', '=', versionId)
    .execute();
  await trx.deleteFrom('competency_groups').where('version_id', '=', versionId).execute();
  await trx.deleteFrom('framework_levels').where('version_id', '=', versionId).execute();
  await trx.deleteFrom('framework_associations').where('version_id', '=', versionId).execute();
  await insertContent(trx, versionId, doc);
}

async function insertContent(trx: Transaction<Database>, versionId: string, doc: FrameworkDocument): Promise<void> {
  if (doc.levels.length > 0) {
    await trx
      .insertInto('framework_levels')
      .values(
        doc.levels.map((l) => ({
          version_id: versionId,
          level: l.level,
          name_vi: l.name.vi,
          name_en: l.name.en,
          description_vi: l.description.vi,
          description_en: l.description.en,
        })),
      )
      .execute();
  }
  const groupIds = new Map<string, string>();
  for (const [position, g] of doc.groups.entries()) {
    const row = await trx
      .insertInto('competency_groups')
      .values({
        version_id: versionId,
        code: g.code,
        kind: g.kind,
        name_vi: g.name.vi,
        name_en: g.name.en,
        description_vi: g.description.vi,
        description_en: g.description.en,
        position,
        ...caseColumns(g),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    groupIds.set(g.code, row.id);
  }
  // Canonical order puts every parent before its children, so parent ids are known when needed.
  const competencyIds = new Map<string, string>();
  const indicators: Database['competency_indicators'][] = [];
  for (const [position, c] of doc.competencies.entries()) {
    const id = crypto.randomUUID();
    competencyIds.set(c.code, id);
    await trx
      .insertInto('competencies')
      .values({
        id,
        version_id: versionId,
        group_id: groupIds.get(c.groupCode)!,
        parent_id: c.parentCode ? competencyIds.get(c.parentCode)! : null,
        code: c.code,
        name_vi: c.name.vi,
        name_en: c.name.en,
        description_vi: c.description.vi,
        description_en: c.description.en,
        search_text: foldForSearch(`${c.code} ${c.name.vi} ${c.name.en}`),
        position,
        ...caseColumns(c),
        case_criterion: c.criterion ? JSON.stringify(c.criterion) : null,
      })
      .execute();
    const perLevel = new Map<number, number>();
    for (const i of c.indicators) {
      const next = (perLevel.get(i.level) ?? 0) + 1;
      perLevel.set(i.level, next);
      indicators.push({ competency_id: id, level: i.level, position: next, text_vi: i.text.vi, text_en: i.text.en });
    }
  }
  // Batches keep each statement well under the bind-parameter limit.
  for (let start = 0; start < indicators.length; start += 500) {
    await trx
      .insertInto('competency_indicators')
      .values(indicators.slice(start, start + 500))
      .execute();
  }
  const associations = (doc.associations ?? []).map((a, position) => ({
    version_id: versionId,
    position,
    case_identifier: a.identifier,
    case_uri: a.uri,
    association_type: a.type,
    origin_identifier: a.origin.identifier,
    origin_uri: a.origin.uri,
    origin_title: a.origin.title,
    destination_identifier: a.destination.identifier,
    destination_uri: a.destination.uri,
    destination_title: a.destination.title,
    sequence_number: a.sequenceNumber,
  }));
  for (let start = 0; start < associations.length; start += 500) {
    await trx
      .insertInto('framework_associations')
      .values(associations.slice(start, start + 500))
      .execute();
  }
}

/** The stored version as the format-independent document (canonical order). */
export async function loadDocument(db: Executor, versionId: string): Promise<FrameworkDocument | undefined> {
  const version = await db
    .selectFrom('framework_versions as v')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .select([
      'f.code',
      'v.name_vi',
      'v.name_en',
      'v.description_vi',
      'v.description_en',
      'v.attribution',
      'v.case_identifier',
      'v.case_uri',
      'v.case_language',
      'v.case_creator',
      'v.case_base',
      'v.moodle_extras',
      'v.case_rubrics',
    ])
    .where('v.id', '=', versionId)
    .executeTakeFirst();
  if (!version) return undefined;
  const [levels, groups, competencies, indicators, associations] = await Promise.all([
    db.selectFrom('framework_levels').selectAll().where('version_id', '=', versionId).orderBy('level').execute(),
    db.selectFrom('competency_groups').selectAll().where('version_id', '=', versionId).orderBy('position').execute(),
    db
      .selectFrom('competencies as c')
      .innerJoin('competency_groups as g', 'g.id', 'c.group_id')
      .leftJoin('competencies as p', 'p.id', 'c.parent_id')
      .select([
        'c.id',
        'c.code',
        'g.code as groupCode',
        'p.code as parentCode',
        'c.name_vi',
        'c.name_en',
        'c.description_vi',
        'c.description_en',
        'c.case_identifier',
        'c.case_uri',
        'c.case_item_type',
        'c.case_criterion',
      ])
      .where('c.version_id', '=', versionId)
      .orderBy('c.position')
      .execute(),
    db
      .selectFrom('competency_indicators as i')
      .innerJoin('competencies as c', 'c.id', 'i.competency_id')
      .select(['i.competency_id', 'i.level', 'i.text_vi', 'i.text_en'])
      .where('c.version_id', '=', versionId)
      .orderBy('i.competency_id')
      .orderBy('i.level')
      .orderBy('i.position')
      .execute(),
    db.selectFrom('framework_associations').selectAll().where('version_id', '=', versionId).orderBy('position').execute(),
  ]);
  const byCompetency = new Map<string, FrameworkDocument['competencies'][number]['indicators']>();
  for (const i of indicators) {
    const list = byCompetency.get(i.competency_id) ?? [];
    list.push({ level: i.level, text: { vi: i.text_vi, en: i.text_en } });
    byCompetency.set(i.competency_id, list);
  }
  return {
    ...(version.case_identifier !== null ? { identifier: version.case_identifier } : {}),
    ...(version.case_uri !== null ? { uri: version.case_uri } : {}),
    ...(version.case_language !== null ? { language: version.case_language } : {}),
    ...(version.case_creator !== null ? { creator: version.case_creator } : {}),
    ...(version.case_base !== null ? { base: version.case_base } : {}),
    ...(version.moodle_extras !== null ? { moodle: version.moodle_extras } : {}),
    ...(version.case_rubrics !== null ? { rubrics: version.case_rubrics } : {}),
    // Versions stored before 0027 have none: their tree associations are minted on export as before.
    ...(associations.length > 0
      ? {
          associations: associations.map((a) => ({
            identifier: a.case_identifier,
            uri: a.case_uri,
            type: a.association_type,
            origin: { identifier: a.origin_identifier, uri: a.origin_uri, title: a.origin_title },
            destination: { identifier: a.destination_identifier, uri: a.destination_uri, title: a.destination_title },
            sequenceNumber: a.sequence_number === null ? null : Number(a.sequence_number),
          })),
        }
      : {}),
    code: version.code,
    name: { vi: version.name_vi, en: version.name_en },
    description: { vi: version.description_vi, en: version.description_en },
    attribution: version.attribution,
    levels: levels.map((l) => ({ level: l.level, name: { vi: l.name_vi, en: l.name_en }, description: { vi: l.description_vi, en: l.description_en } })),
    groups: groups.map((g) => ({
      code: g.code,
      kind: g.kind,
      name: { vi: g.name_vi, en: g.name_en },
      description: { vi: g.description_vi, en: g.description_en },
      ...caseIdentityOf(g),
    })),
    competencies: competencies.map((c) => ({
      code: c.code,
      groupCode: c.groupCode,
      parentCode: c.parentCode ?? null,
      name: { vi: c.name_vi, en: c.name_en },
      description: { vi: c.description_vi, en: c.description_en },
      indicators: byCompetency.get(c.id) ?? [],
      ...caseIdentityOf(c),
      ...(c.case_criterion !== null ? { criterion: c.case_criterion } : {}),
    })),
  };
}

export async function deleteVersion(trx: Transaction<Database>, versionId: string): Promise<void> {
  await trx.deleteFrom('framework_versions').where('id', '=', versionId).execute();
}
