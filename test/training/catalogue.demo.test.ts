import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close());

describe('the demo catalogue', () => {
  it('has two institutions, each with its trainer, its clients and its lecturers', async () => {
    const trainer = await t.signIn('trainer');
    const list = (await trainer.get('/api/training/institutions')).json();
    expect(list.items.map((i: { code: string }) => i.code).sort()).toEqual(['HVHCQTC', 'TCT-HN']);
    const academy = list.items.find((i: { code: string }) => i.code === 'HVHCQTC');
    expect(list.mine).toBe(academy.id);
    const hanoi = await t.signIn('trainer.hanoi');
    const school = list.items.find((i: { code: string }) => i.code === 'TCT-HN');
    expect((await hanoi.get('/api/training/institutions')).json().mine).toBe(school.id);
    expect((await hanoi.get(`/api/training/institutions/${school.id}`)).json().clients.map((c: { code: string }) => c.code)).toEqual(['HN']);
    // The Hà Nội school cannot change the academy's courses.
    const academyCourse = (await hanoi.get(`/api/training/courses?institutionId=${academy.id}&limit=1`)).json().items[0];
    const detail = (await hanoi.get(`/api/training/courses/${academyCourse.id}`)).json();
    expect(detail.canEdit).toBe(false);
    expect((await hanoi.post(`/api/training/courses/${academyCourse.id}/retire`)).statusCode).toBe(404);
  });

  it('has 40 active courses on the national framework, digital-government and public-administration groups alike', async () => {
    const hr = await t.signIn('hr.hanoi');
    const all = (await hr.get('/api/training/courses?limit=200')).json();
    expect(all.total).toBe(40);
    const groups = new Set<string>();
    const framework = (await hr.get('/api/training/catalogue/framework')).json();
    const groupCode = new Map(framework.version.groups.map((g: { id: string; code: string }) => [g.id, g.code]));
    for (const c of all.items) for (const k of c.competencies) groups.add(groupCode.get(k.groupId) as string);
    expect([...groups].sort()).toEqual(['CN', 'DD', 'DM', 'HC', 'PV', 'QT']);
    for (const c of all.items) {
      expect(c.hours).toBeGreaterThan(0);
      expect(Number.isInteger(c.costPerSeat) && c.costPerSeat >= 0).toBe(true);
      for (const k of c.competencies) expect(k.toLevel).toBeGreaterThan(k.fromLevel);
    }
    // Search without diacritics over the demo: "boi duong" finds the state-management courses.
    const found = (await hr.get(`/api/training/courses?q=${encodeURIComponent('quan ly nha nuoc')}`)).json();
    expect(found.items.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['QLNN-CV', 'QLNN-CVC']));
  });

  it('has lecturers who teach both public administration and digital technology', async () => {
    const hr = await t.signIn('hr.hanoi');
    const institutions = (await hr.get('/api/training/institutions')).json().items;
    for (const inst of institutions) {
      const lecturers = (await hr.get(`/api/training/institutions/${inst.id}/lecturers`)).json().items as Array<{ competencies: Array<{ code: string }> }>;
      expect(lecturers.length).toBeGreaterThanOrEqual(4);
      const both = lecturers.filter((l) => l.competencies.some((c) => c.code.startsWith('HC.')) && l.competencies.some((c) => !c.code.startsWith('HC.')));
      expect(both.length).toBeGreaterThanOrEqual(Math.ceil(lecturers.length / 2));
    }
  });
});
