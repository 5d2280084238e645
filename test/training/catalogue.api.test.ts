import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { account, agency } from '../support/factories.js';
import { catalogueWorld, courseBody, type CatalogueWorld } from './catalogue-fixture.js';

let t: TestApp;
let w: CatalogueWorld;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await catalogueWorld(t);
}, 60_000);
afterAll(() => t?.close());

const courses = async () =>
  (
    await t.db
      .selectFrom('training_courses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('institutions', () => {
  it('national administrators create institutions and link trainer accounts; nobody else can', async () => {
    const hrAgency = await agency(t);
    const hr = await account(t, { agency: hrAgency, role: 'hr_officer' });
    const hrAgent = await t.signIn(hr.username, hr.password);
    expect((await hrAgent.post('/api/training/institutions', { code: 'X1', name: 'Trường X', kind: 'other', agencyId: hrAgency.id })).statusCode).toBe(403);
    expect((await w.a.agent.put(`/api/training/institutions/${w.a.id}/staff`, { userIds: [] })).statusCode).toBe(403);
    // Only trainer accounts act for an institution, and each for one institution.
    const refused = await w.admin.put(`/api/training/institutions/${w.a.id}/staff`, { userIds: [w.a.trainer.userId, hr.userId] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'training_staff_not_trainer', details: { field: 'userIds.1' } });
    expect((await w.admin.put(`/api/training/institutions/${w.b.id}/staff`, { userIds: [w.a.trainer.userId, w.b.trainer.userId] })).statusCode).toBe(409);
    const detail = (await w.a.agent.get(`/api/training/institutions/${w.a.id}`)).json();
    expect(detail).toMatchObject({ canManage: true, canManageInstitution: false, staff: [{ userId: w.a.trainer.userId }] });
    // Another institution's staff list is not shown to a trainer of A.
    expect((await w.a.agent.get(`/api/training/institutions/${w.b.id}`)).json()).toMatchObject({ canManage: false, staff: [] });
    const list = (await w.a.agent.get('/api/training/institutions')).json();
    expect(list.mine).toBe(w.a.id);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'training_institution').where('entity_id', '=', w.a.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'replace_staff']));
  });
});

describe('courses: who may change them', () => {
  it('a trainer keeps their own institution’s courses; another institution’s answer 404; HR reads but cannot change', async () => {
    const created = await w.a.agent.post(`/api/training/institutions/${w.a.id}/courses`, courseBody(w));
    expect(created.statusCode).toBe(201);
    const course = created.json();
    expect(course).toMatchObject({
      status: 'active',
      version: 1,
      canEdit: true,
      levels: expect.arrayContaining([{ level: 1, name: { vi: 'Mức 1', en: 'Level 1' } }]),
    });
    expect(course.competencies[0]).toMatchObject({ fromLevel: 1, toLevel: 3, code: 'C01' });

    const before = await courses();
    expect((await w.b.agent.post(`/api/training/institutions/${w.a.id}/courses`, courseBody(w))).statusCode).toBe(404);
    expect((await w.b.agent.put(`/api/training/courses/${course.id}`, { ...courseBody(w), code: undefined, hours: 8 })).statusCode).toBe(404);
    expect((await w.b.agent.post(`/api/training/courses/${course.id}/retire`)).statusCode).toBe(404);

    const hrAgency = await agency(t);
    const hr = await account(t, { agency: hrAgency, role: 'hr_officer' });
    const hrAgent = await t.signIn(hr.username, hr.password);
    expect((await hrAgent.get(`/api/training/courses/${course.id}`)).json()).toMatchObject({ id: course.id, canEdit: false });
    expect((await hrAgent.put(`/api/training/courses/${course.id}`, { ...courseBody(w), code: undefined })).statusCode).toBe(403);
    expect((await hrAgent.post(`/api/training/institutions/${w.a.id}/courses`, courseBody(w))).statusCode).toBe(403);
    expect(await courses()).toBe(before);
    const current = await t.db.selectFrom('training_courses').select(['hours', 'status']).where('id', '=', course.id).executeTakeFirstOrThrow();
    expect(current).toEqual({ hours: 24, status: 'active' });
  });

  it('a draft is seen only by its keepers until published', async () => {
    const draft = (await w.a.agent.post(`/api/training/institutions/${w.a.id}/courses`, courseBody(w, { draft: true }))).json();
    expect(draft.status).toBe('draft');
    expect((await w.b.agent.get(`/api/training/courses/${draft.id}`)).statusCode).toBe(404);
    expect((await w.a.agent.post(`/api/training/courses/${draft.id}/publish`)).json().status).toBe('active');
    expect((await w.b.agent.get(`/api/training/courses/${draft.id}`)).statusCode).toBe(200);
  });
});

describe('courses: bad input answers a clear error naming the field, and writes nothing', () => {
  it('a level outside the framework version’s scale', async () => {
    const before = await courses();
    const res = await w.a.agent.post(
      `/api/training/institutions/${w.a.id}/courses`,
      courseBody(w, { competencies: [{ competencyId: w.fw.competencyIds[0], fromLevel: 2, toLevel: 6 }] }),
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'training_level_outside_scale',
      message: 'The proficiency level is outside the scale of the framework version.',
      details: { field: 'competencies.0.toLevel' },
    });
    const down = await w.a.agent.post(
      `/api/training/institutions/${w.a.id}/courses`,
      courseBody(w, { competencies: [{ competencyId: w.fw.competencyIds[0], fromLevel: 3, toLevel: 2 }] }),
    );
    expect(down.json().error).toMatchObject({ code: 'training_level_order', details: { field: 'competencies.0.toLevel' } });
    expect(down.json().error.message).toMatch(/Mức sau khóa học/);
    expect(await courses()).toBe(before);
  });

  it('a competency of another framework version', async () => {
    const before = await courses();
    const res = await w.a.agent.post(
      `/api/training/institutions/${w.a.id}/courses`,
      courseBody(w, {
        competencies: [
          { competencyId: w.fw.competencyIds[1], fromLevel: 1, toLevel: 2 },
          { competencyId: w.otherFw.competencyIds[0], fromLevel: 1, toLevel: 2 },
        ],
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'training_competency_other_version', details: { field: 'competencies.1.competencyId' } });
    expect(res.json().error.message).toBe('Năng lực không thuộc phiên bản khung năng lực của khóa học.');
    expect(await courses()).toBe(before);
  });

  it('a cost below zero, zero or fractional hours, an unknown format', async () => {
    const before = await courses();
    for (const [field, value] of [
      ['costPerSeat', -1],
      ['costPerSeat', 1.5],
      ['hours', 0],
      ['hours', 1.25],
      ['format', 'webinar'],
    ] as const) {
      const res = await w.a.agent.post(`/api/training/institutions/${w.a.id}/courses`, courseBody(w, { [field]: value }));
      expect(res.statusCode, `${field}=${value}`).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'body', path: field })]));
    }
    expect(await courses()).toBe(before);
  });
});

describe('course versions and prerequisites', () => {
  it('a published course’s content change makes a new version; the previous one is retired and kept', async () => {
    const v1 = (await w.a.agent.post(`/api/training/institutions/${w.a.id}/courses`, courseBody(w))).json();
    const dependant = (await w.a.agent.post(`/api/training/institutions/${w.a.id}/courses`, courseBody(w, { prerequisiteIds: [v1.id] }))).json();
    const { code: _c, draft: _d, ...content } = { ...courseBody(w), draft: false };
    // The same content again writes nothing.
    const same = await w.a.agent.put(`/api/training/courses/${v1.id}`, { ...content, title: v1.title, titleEn: v1.titleEn });
    expect(same.json()).toMatchObject({ id: v1.id, version: 1 });
    const changed = await w.a.agent.put(`/api/training/courses/${v1.id}`, { ...content, hours: 32 });
    expect(changed.statusCode).toBe(200);
    const v2 = changed.json();
    expect(v2).toMatchObject({ code: v1.code, version: 2, status: 'active', supersedesId: v1.id, hours: 32 });
    expect(v2.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'active'],
      [1, 'retired'],
    ]);
    const old = (await w.a.agent.get(`/api/training/courses/${v1.id}`)).json();
    expect(old).toMatchObject({ status: 'retired', hours: 24 });
    // The retired version is not edited, and the dependant course now requires the current version.
    expect((await w.a.agent.put(`/api/training/courses/${v1.id}`, { ...content, hours: 40 })).statusCode).toBe(409);
    expect((await w.a.agent.get(`/api/training/courses/${dependant.id}`)).json().prerequisites).toEqual([
      expect.objectContaining({ id: v2.id, status: 'active' }),
    ]);
    // Only active courses are listed.
    const listed = (await w.a.agent.get(`/api/training/courses?institutionId=${w.a.id}&q=${encodeURIComponent(v1.code)}`)).json();
    expect(listed.items.map((c: { id: string }) => c.id)).toEqual([v2.id]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'training_course')
      .where('entity_id', '=', v2.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'new_version', before: expect.objectContaining({ hours: 24 }), after: expect.objectContaining({ hours: 32 }) });
  });

  it('refuses prerequisites that make a loop, across institutions too', async () => {
    const first = (await w.a.agent.post(`/api/training/institutions/${w.a.id}/courses`, courseBody(w))).json();
    const second = (await w.b.agent.post(`/api/training/institutions/${w.b.id}/courses`, courseBody(w, { prerequisiteIds: [first.id] }))).json();
    const { code: _c, ...content } = courseBody(w);
    const loop = await w.a.agent.put(`/api/training/courses/${first.id}`, { ...content, prerequisiteIds: [second.id] });
    expect(loop.statusCode).toBe(422);
    expect(loop.json().error).toMatchObject({ code: 'training_prerequisite_cycle', details: { field: 'prerequisiteIds.0' } });
    const self = await w.a.agent.put(`/api/training/courses/${first.id}`, { ...content, prerequisiteIds: [first.id] });
    expect(self.json().error.code).toBe('training_prerequisite_cycle');
    expect((await w.a.agent.get(`/api/training/courses/${first.id}`)).json()).toMatchObject({ version: 1, prerequisites: [] });
  });
});

describe('catalogue search', () => {
  it('finds by code or title with or without diacritics, and filters by institution, format, competency and group', async () => {
    const tag = crypto.randomUUID().slice(0, 5).toUpperCase();
    const one = (
      await w.a.agent.post(
        `/api/training/institutions/${w.a.id}/courses`,
        courseBody(w, { code: `QLNN-${tag}`, title: `Bồi dưỡng quản lý nhà nước ${tag}`, format: 'classroom' }),
      )
    ).json();
    const two = (
      await w.b.agent.post(
        `/api/training/institutions/${w.b.id}/courses`,
        courseBody(w, {
          code: `DL-${tag}`,
          title: `Phân tích dữ liệu đường phố ${tag}`,
          format: 'online',
          competencies: [{ competencyId: w.fw.competencyIds[2], fromLevel: 0, toLevel: 1 }],
        }),
      )
    ).json();
    const search = async (query: string) => ((await w.a.agent.get(`/api/training/courses?${query}`)).json().items as Array<{ id: string }>).map((c) => c.id);
    expect(await search(`q=${encodeURIComponent(`boi duong quan ly nha nuoc ${tag}`)}`)).toEqual([one.id]);
    expect(await search(`q=${encodeURIComponent(`Dữ Liệu đường phố ${tag}`)}`)).toEqual([two.id]);
    expect(await search(`q=${encodeURIComponent(`du lieu duong pho ${tag.toLowerCase()}`)}`)).toEqual([two.id]);
    expect(await search(`q=${`qlnn-${tag}`.toLowerCase()}`)).toEqual([one.id]);
    expect(await search(`q=${tag}&format=online`)).toEqual([two.id]);
    expect(await search(`q=${tag}&institutionId=${w.a.id}`)).toEqual([one.id]);
    expect(await search(`q=${tag}&competencyId=${w.fw.competencyIds[2]}`)).toEqual([two.id]);
    const group = await t.db.selectFrom('competencies').select('group_id').where('id', '=', w.fw.competencyIds[0]!).executeTakeFirstOrThrow();
    expect((await search(`q=${tag}&groupId=${group.group_id}`)).sort()).toEqual([one.id, two.id].sort());
    // LIKE wildcards in the search text match only themselves.
    expect(await search(`q=${encodeURIComponent('%_')}`)).toEqual([]);
  });
});

describe('lecturers', () => {
  it('the institution keeps its lecturers and what they can teach, within the scale', async () => {
    const body = {
      fullName: 'Nguyễn  Thị Hà',
      title: 'TS.',
      email: 'ha@truong.test',
      competencies: [
        { competencyId: w.fw.competencyIds[0], maxLevel: 5 },
        { competencyId: w.fw.competencyIds[1], maxLevel: 4 },
      ],
    };
    const created = await w.a.agent.post(`/api/training/institutions/${w.a.id}/lecturers`, body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      fullName: 'Nguyễn Thị Hà',
      competencies: [
        { code: 'C01', maxLevel: 5 },
        { code: 'C02', maxLevel: 4 },
      ],
    });
    const id = created.json().id;
    const beyond = await w.a.agent.put(`/api/training/lecturers/${id}`, { ...body, competencies: [{ competencyId: w.fw.competencyIds[0], maxLevel: 6 }] });
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json().error).toMatchObject({ code: 'training_level_outside_scale', details: { field: 'competencies.0.maxLevel' } });
    expect((await w.b.agent.put(`/api/training/lecturers/${id}`, body)).statusCode).toBe(404);
    expect((await w.b.agent.get(`/api/training/institutions/${w.a.id}/lecturers`)).statusCode).toBe(404);
    expect((await w.b.agent.delete(`/api/training/lecturers/${id}`)).statusCode).toBe(404);
    expect((await w.a.agent.get(`/api/training/institutions/${w.a.id}/lecturers`)).json().items).toHaveLength(1);
    expect((await w.a.agent.delete(`/api/training/lecturers/${id}`)).statusCode).toBe(204);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'training_lecturer').where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });
});
