import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { FRAMEWORK_FORMATS, type FrameworkDocument } from './document.js';
import { NATIONAL_FRAMEWORK_CODE } from './seed/national-framework.js';
import { parseFramework } from './formats/index.js';
import { moodleExport } from './testing/moodle-export.js';

const SHARED = new URL('../../../../shared/data/frameworks/', import.meta.url);
const octet = { 'content-type': 'application/octet-stream' };

let t: TestApp;
let nationalVersionId: string;
let nationalFrameworkId: string;

beforeAll(async () => {
  t = await createTestApp();
  const row = await t.db
    .selectFrom('framework_versions as v')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .select(['v.id', 'f.id as frameworkId'])
    .where('f.code', '=', NATIONAL_FRAMEWORK_CODE)
    .executeTakeFirstOrThrow();
  nationalVersionId = row.id;
  nationalFrameworkId = row.frameworkId;
}, 60_000);
afterAll(() => t.close());

const frameworkCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('frameworks')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('reading frameworks', () => {
  it('every signed-in user reads the published national framework: 6 groups, 30 competencies, 5 levels', async () => {
    const canbo = await t.signIn('canbo.hanoi');
    const list = await canbo.get('/api/frameworks');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((f: { code: string }) => f.code)).toContain(NATIONAL_FRAMEWORK_CODE);
    const version = await canbo.get(`/api/frameworks/versions/${nationalVersionId}`);
    expect(version.statusCode).toBe(200);
    const doc: FrameworkDocument = version.json().document;
    expect(doc.groups).toHaveLength(6);
    expect(doc.competencies).toHaveLength(30);
    expect(doc.levels).toHaveLength(5);
    expect(doc.competencies.every((c) => [1, 2, 3, 4, 5].every((l) => c.indicators.some((i) => i.level === l && i.text.vi && i.text.en)))).toBe(true);
    expect(version.json().version.canEdit).toBe(false);
  });

  it('answers what the API declares: the version row without its agency path, ISO timestamps, files of the declared types', async () => {
    const canbo = await t.signIn('canbo.hanoi');
    const { version, base } = (await canbo.get(`/api/frameworks/versions/${nationalVersionId}`)).json();
    expect(Object.keys(version).sort()).toEqual(
      [
        'agencyId',
        'agencyName',
        'baseFrameworkId',
        'baseVersionId',
        'canEdit',
        'code',
        'createdAt',
        'frameworkId',
        'id',
        'levelCount',
        'nameEn',
        'nameVi',
        'publishedAt',
        'scope',
        'status',
        'updatedAt',
        'versionNo',
      ].sort(),
    );
    expect(version).toMatchObject({ scope: 'national', status: 'published', levelCount: 5, baseVersionId: null });
    expect(new Date(version.publishedAt).toISOString()).toBe(version.publishedAt);
    expect(base).toBeNull();
    const listed = (await canbo.get('/api/frameworks')).json().items.find((f: { id: string }) => f.id === nationalFrameworkId);
    expect(listed.versions[0]).toMatchObject({ id: nationalVersionId, status: 'published', levelCount: 5 });
    const declared = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv', 'application/json', 'application/ld+json'];
    for (const format of FRAMEWORK_FORMATS) {
      const file = await canbo.get(`/api/frameworks/versions/${nationalVersionId}/export?format=${format}`);
      expect(declared).toContain(String(file.headers['content-type']).split(';')[0]);
    }
  });

  it('anonymous callers are refused', async () => {
    expect((await t.anonymous().get('/api/frameworks')).statusCode).toBe(401);
  });
});

describe('versions', () => {
  it('a published version cannot be edited, by anyone', async () => {
    const admin = await t.signIn('admin');
    const doc = (await admin.get(`/api/frameworks/versions/${nationalVersionId}`)).json().document;
    doc.name.vi = 'Đổi tên';
    const edit = await admin.put(`/api/frameworks/versions/${nationalVersionId}`, doc);
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('framework_version_immutable');
    const hr = await t.signIn('hr.hanoi');
    expect((await hr.put(`/api/frameworks/versions/${nationalVersionId}`, doc)).statusCode).toBe(403);
    expect((await admin.delete(`/api/frameworks/versions/${nationalVersionId}`)).statusCode).toBe(409);
    const after = (await admin.get(`/api/frameworks/versions/${nationalVersionId}`)).json().document;
    expect(after.name.vi).not.toBe('Đổi tên');
  });

  it('editing makes a new draft; publishing it retires the old version, which stays readable unchanged', async () => {
    const admin = await t.signIn('admin');
    const draft = await admin.post(`/api/frameworks/${nationalFrameworkId}/drafts`);
    expect(draft.statusCode).toBe(201);
    const { versionId, versionNo } = draft.json();
    expect(versionNo).toBe(2);
    expect((await admin.post(`/api/frameworks/${nationalFrameworkId}/drafts`)).json().error.code).toBe('framework_draft_exists');
    // Drafts are not shown to readers.
    expect((await (await t.signIn('canbo.hanoi')).get(`/api/frameworks/versions/${versionId}`)).statusCode).toBe(404);

    const doc: FrameworkDocument = (await admin.get(`/api/frameworks/versions/${versionId}`)).json().document;
    doc.competencies[0]!.name.vi = 'Khai thác hạ tầng số quốc gia';
    expect((await admin.put(`/api/frameworks/versions/${versionId}`, doc)).statusCode).toBe(200);
    expect((await admin.post(`/api/frameworks/versions/${versionId}/publish`)).statusCode).toBe(200);

    const old = (await admin.get(`/api/frameworks/versions/${nationalVersionId}`)).json();
    expect(old.version.status).toBe('retired');
    expect(old.document.competencies[0].name.vi).toBe('Khai thác hạ tầng số và cơ sở dữ liệu quốc gia');
    const current = (await admin.get(`/api/frameworks/versions/${versionId}`)).json();
    expect(current.version.status).toBe('published');
    expect(current.document.competencies[0].name.vi).toBe('Khai thác hạ tầng số quốc gia');

    // Position profiles moved to the new version, competency by competency.
    const onVersion = async (id: string) =>
      Number(
        (
          await t.db
            .selectFrom('position_requirements as r')
            .innerJoin('competencies as c', 'c.id', 'r.competency_id')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('c.version_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await onVersion(nationalVersionId)).toBe(0);
    expect(await onVersion(versionId)).toBeGreaterThan(0);
    nationalVersionId = versionId;
  });

  it('a draft with errors is refused with every problem listed, and nothing changes', async () => {
    const admin = await t.signIn('admin');
    const { versionId } = (await admin.post(`/api/frameworks/${nationalFrameworkId}/drafts`)).json();
    const doc: FrameworkDocument = (await admin.get(`/api/frameworks/versions/${versionId}`)).json().document;
    doc.competencies[1]!.groupCode = 'NOPE';
    doc.competencies[2]!.code = doc.competencies[3]!.code;
    const answer = await admin.put(`/api/frameworks/versions/${versionId}`, doc);
    expect(answer.statusCode).toBe(422);
    expect(answer.json().error.code).toBe('framework_invalid');
    expect(answer.json().error.details.issues.length).toBeGreaterThanOrEqual(2);
    expect((await admin.put(`/api/frameworks/versions/${versionId}`, { ...doc, extra: 1 })).statusCode).toBe(400);
    expect((await admin.delete(`/api/frameworks/versions/${versionId}`)).statusCode).toBe(200);
  });
});

describe('import and export', () => {
  it('imports the DigComp 3.0 file as a draft only its importer sees, then publishes it for everyone', async () => {
    const admin = await t.signIn('admin');
    const file = fs.readFileSync(new URL('digcomp/DigComp_3.0_Data_Supplement_2025-11-24.jsonld', SHARED));
    const answer = await admin.post('/api/frameworks/import?format=digcomp', file, octet);
    expect(answer.statusCode).toBe(201);
    const { versionId } = answer.json();
    const canbo = await t.signIn('canbo.danang');
    expect((await canbo.get(`/api/frameworks/versions/${versionId}`)).statusCode).toBe(404);
    expect((await admin.post(`/api/frameworks/versions/${versionId}/publish`)).statusCode).toBe(200);
    const doc = (await canbo.get(`/api/frameworks/versions/${versionId}`)).json().document;
    expect(doc.groups).toHaveLength(5);
    expect(doc.competencies).toHaveLength(21);
    expect(doc.levels).toHaveLength(8);
  });

  it('imports the OpenSALT CASE sample, reporting tolerated deviations as warnings', async () => {
    const admin = await t.signIn('admin');
    const file = fs.readFileSync(new URL('case/opensalt_sample_CFPackage_CCSS_math_excerpt.json', SHARED));
    const answer = await admin.post('/api/frameworks/import?format=case&publish=true&levels=national_scale', file, octet);
    expect(answer.statusCode).toBe(201);
    expect(answer.json().warnings.length).toBeGreaterThan(0);
    const doc = (await admin.get(`/api/frameworks/versions/${answer.json().versionId}`)).json().document;
    expect(doc.competencies).toHaveLength(14);
  });

  it('Moodle CSV → database → Moodle CSV keeps the export ids, taxonomy and scale configuration, through edit, publish and a new draft', async () => {
    const admin = await t.signIn('admin');
    const imported = await admin.post('/api/frameworks/import?format=moodle-csv', moodleExport(), octet);
    expect(imported.statusCode).toBe(201);
    expect(imported.json().warnings).toEqual([]);
    const { versionId, frameworkId } = imported.json();
    const expected = {
      taxonomies: ['domain', 'skill', 'behaviour'],
      scaleId: '2',
      scaleDefault: 2,
      proficient: [3],
      exportIds: { delivery: '101', 'analytical-thinking': '102', 'DR-AT1': '103', interpersonal: '104', 'client-focus': '105' },
    };
    const exportedExtras = async (id: string) => {
      const file = await admin.get(`/api/frameworks/versions/${id}/export?format=moodle-csv`);
      expect(file.statusCode).toBe(200);
      const parsed = await parseFramework('moodle-csv', file.rawPayload);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      // No false "not kept" warning on the app's own export.
      expect(parsed.warnings).toEqual([]);
      return parsed.document.moodle;
    };
    expect(await exportedExtras(versionId)).toEqual(expected);

    // The editor sends the document back as loaded: an edit keeps the extras.
    const doc: FrameworkDocument = (await admin.get(`/api/frameworks/versions/${versionId}`)).json().document;
    expect(doc.moodle).toEqual(expected);
    doc.name.vi = 'Khung OECD (đã sửa)';
    expect((await admin.put(`/api/frameworks/versions/${versionId}`, doc)).statusCode).toBe(200);
    expect((await admin.post(`/api/frameworks/versions/${versionId}/publish`)).statusCode).toBe(200);
    expect(await exportedExtras(versionId)).toEqual(expected);
    const draft = await admin.post(`/api/frameworks/${frameworkId}/drafts`);
    expect(draft.statusCode).toBe(201);
    expect(await exportedExtras(draft.json().versionId)).toEqual(expected);

    // An editor's draft of another agency is not theirs to read: 404, its extras included.
    const hr = await t.signIn('hr.danang');
    expect((await hr.get(`/api/frameworks/versions/${draft.json().versionId}/export?format=moodle-csv`)).statusCode).toBe(404);
    const malformed = { ...doc, moodle: { ...expected, proficient: [99] } };
    expect((await admin.put(`/api/frameworks/versions/${draft.json().versionId}`, malformed)).statusCode).toBe(400);
    expect((await admin.delete(`/api/frameworks/versions/${draft.json().versionId}`)).statusCode).toBe(200);
  });

  it('a malformed file imports nothing and answers a row-by-row report', async () => {
    const admin = await t.signIn('admin');
    const before = await frameworkCount();
    const csv = 'Parent ID number,ID number,Short name\n,X,Y\n';
    const answer = await admin.post('/api/frameworks/import?format=moodle-csv', Buffer.from(csv), octet);
    expect(answer.statusCode).toBe(422);
    expect(answer.json().error.details.issues[0].location).toMatch(/row 1/);
    const broken = await admin.post('/api/frameworks/import?format=xlsx', Buffer.from('not a zip'), octet);
    expect(broken.statusCode).toBe(422);
    expect(await frameworkCount()).toBe(before);
  });

  it('only editors import', async () => {
    const canbo = await t.signIn('canbo.hanoi');
    expect((await canbo.post('/api/frameworks/import?format=case', Buffer.from('{}'), octet)).statusCode).toBe(403);
  });

  for (const format of FRAMEWORK_FORMATS) {
    it(`${format}: an export re-imported gives an identical framework`, async () => {
      const admin = await t.signIn('admin');
      const original: FrameworkDocument = (await admin.get(`/api/frameworks/versions/${nationalVersionId}`)).json().document;
      const exported = await admin.get(`/api/frameworks/versions/${nationalVersionId}/export?format=${format}`);
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-disposition']).toMatch(/attachment/);
      const imported = await admin.post(`/api/frameworks/import?format=${format}`, exported.rawPayload, octet);
      expect(imported.statusCode).toBe(200);
      const { versionId } = imported.json();
      expect(versionId).not.toBe(nationalVersionId);
      const again: FrameworkDocument = (await admin.get(`/api/frameworks/versions/${versionId}`)).json().document;
      expect(again).toEqual(original);
      expect((await admin.delete(`/api/frameworks/versions/${versionId}`)).statusCode).toBe(200);
    });
  }
});

describe('agency extensions', () => {
  it('an HR officer extends the national framework with the agency’s own competencies, never the national ones', async () => {
    const hr = await t.signIn('hr.hanoi');
    const created = await hr.post(`/api/frameworks/${nationalFrameworkId}/extensions`, {
      code: 'HN-MR',
      name: { vi: 'Năng lực đặc thù Hà Nội', en: 'Hanoi-specific competencies' },
    });
    expect(created.statusCode).toBe(201);
    const { versionId } = created.json();
    const doc: FrameworkDocument = (await hr.get(`/api/frameworks/versions/${versionId}`)).json().document;
    expect(doc.levels).toHaveLength(5);
    doc.groups.push({ code: 'HN', kind: 'functional', name: { vi: 'Quản lý đô thị', en: 'Urban management' }, description: { vi: '', en: '' } });
    doc.competencies.push({
      code: 'CN.1',
      groupCode: 'HN',
      parentCode: null,
      name: { vi: 'Trùng mã quốc gia', en: 'Clashes' },
      description: { vi: '', en: '' },
      indicators: [],
    });
    const clash = await hr.put(`/api/frameworks/versions/${versionId}`, doc);
    expect(clash.statusCode).toBe(422);
    doc.competencies[0]!.code = 'HN.1';
    expect((await hr.put(`/api/frameworks/versions/${versionId}`, doc)).statusCode).toBe(200);
    expect((await hr.post(`/api/frameworks/versions/${versionId}/publish`)).statusCode).toBe(200);

    // Đà Nẵng reads the published extension but cannot change it.
    const danang = await t.signIn('hr.danang');
    expect((await danang.get(`/api/frameworks/versions/${versionId}`)).statusCode).toBe(200);
    expect((await danang.post(`/api/frameworks/versions/${versionId}/retire`)).statusCode).toBe(403);
    // The national framework is not changed by the extension.
    const national = (await hr.get(`/api/frameworks/versions/${nationalVersionId}`)).json().document;
    expect(national.competencies).toHaveLength(30);
  });

  it('HR officers cannot publish or draft national frameworks', async () => {
    const hr = await t.signIn('hr.danang');
    expect((await hr.post(`/api/frameworks/${nationalFrameworkId}/drafts`)).statusCode).toBe(403);
  });
});
