import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app.js';
import { account, agency } from '../../../test/support/factories.js';
import { defaultLevels } from './document.js';
import { foreignCasePackage } from './testing/case-package.js';

/**
 * A CASE package without groups or without a scale: the preview asks, the
 * import needs the answer, and the answer says what was done (issue 19).
 */
const octet = { 'content-type': 'application/octet-stream' };
const en = { 'accept-language': 'en' };

let t: TestApp;
let admin: Agent;
let servant: Agent;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const ministry = await agency(t, { kind: 'ministry' });
  const a = await account(t, { agency: ministry, role: 'national_admin' });
  const s = await account(t, { agency: ministry, role: 'civil_servant' });
  admin = await t.signIn(a.username, a.password);
  servant = await t.signIn(s.username, s.password);
}, 60_000);
afterAll(() => t.close());

type Pkg = ReturnType<typeof foreignCasePackage>;
/** Every item straight under the document: no groups at all. */
function flatPackage(documentId: number): Pkg {
  const pkg = foreignCasePackage({ documentId });
  const doc = { title: pkg.CFDocument.title, identifier: pkg.CFDocument.identifier, uri: pkg.CFDocument.uri };
  pkg.CFAssociations = pkg.CFItems.map((item, i) => ({
    identifier: `7b000000-0000-4000-8000-${String(documentId * 100 + i).padStart(12, '0')}`,
    uri: `urn:uuid:7b000000-0000-4000-8000-${String(documentId * 100 + i).padStart(12, '0')}`,
    associationType: 'isChildOf',
    sequenceNumber: i + 1,
    originNodeURI: { title: item.fullStatement, identifier: item.identifier, uri: item.uri },
    destinationNodeURI: doc,
    lastChangeDateTime: '2025-03-04T05:06:07+00:00',
  }));
  return pkg;
}
/** A (with its children) has children; B.1 moved straight under the document, so B and B.1 have none. */
function mixedPackage(documentId: number): Pkg {
  const pkg = foreignCasePackage({ documentId });
  const b1 = pkg.CFItems.find((i) => i.humanCodingScheme === 'B.1')!;
  const doc = { title: pkg.CFDocument.title, identifier: pkg.CFDocument.identifier, uri: pkg.CFDocument.uri };
  pkg.CFAssociations = pkg.CFAssociations.filter(
    (a) => !(a.associationType === 'isChildOf' && (a.originNodeURI as { identifier: string }).identifier === b1.identifier),
  );
  pkg.CFAssociations.push({
    ...pkg.CFAssociations[0]!,
    identifier: `7c000000-0000-4000-8000-${String(documentId).padStart(12, '0')}`,
    originNodeURI: { title: b1.fullStatement, identifier: b1.identifier, uri: b1.uri },
    destinationNodeURI: doc,
    sequenceNumber: 30,
  });
  return pkg;
}
const bytes = (pkg: object) => Buffer.from(JSON.stringify(pkg));
const frameworks = async () => JSON.stringify((await admin.get('/api/frameworks')).json().items);
const documentOf = async (versionId: string) => (await admin.get(`/api/frameworks/versions/${versionId}`)).json().document;

describe('importing a flat, rubric-less CASE package', () => {
  it('the preview asks where the items go and what scale to use, and stores nothing', async () => {
    const before = await frameworks();
    const res = await admin.post('/api/frameworks/import/preview?format=case', bytes(flatPackage(31)), octet);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      groups: 1,
      competencies: 6,
      levels: 5,
      questions: {
        structure: { options: ['one_group'], groupName: 'Digital Skills for Public Servants' },
        levels: { options: ['national_scale', 'without_levels'] },
      },
    });
    expect(await frameworks()).toBe(before);
  });

  it('refuses the import until both questions are answered with an offered choice, saving nothing', async () => {
    const before = await frameworks();
    const none = await admin.post('/api/frameworks/import?format=case', bytes(flatPackage(32)), { ...octet, ...en });
    expect(none.statusCode).toBe(422);
    expect(none.json().error).toMatchObject({ code: 'framework_import_choice_needed', details: { open: ['structure', 'levels'] } });
    expect(none.json().error.message).toMatch(/needs a choice/);
    const notOffered = await admin.post(
      '/api/frameworks/import?format=case&structure=top_level_as_groups&levels=national_scale',
      bytes(flatPackage(32)),
      octet,
    );
    expect(notOffered.statusCode).toBe(422);
    expect(notOffered.json().error.details.open).toEqual(['structure']);
    expect(await frameworks()).toBe(before);
  });

  it('one named group and the national scale as placeholders: done, and said so in the answer', async () => {
    const res = await admin.post(
      `/api/frameworks/import?format=case&structure=one_group&groupName=${encodeURIComponent('Kỹ năng số')}&levels=national_scale`,
      bytes(flatPackage(33)),
      octet,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().decisions.map((d: { question: string; choice: string }) => [d.question, d.choice])).toEqual([
      ['structure', 'one_group'],
      ['levels', 'national_scale'],
    ]);
    expect(res.json().decisions[0].message.vi).toContain('Kỹ năng số');
    const doc = await documentOf(res.json().versionId);
    expect(doc.groups.map((g: { name: { vi: string } }) => g.name.vi)).toEqual(['Kỹ năng số']);
    expect(doc.competencies).toHaveLength(6);
    expect(doc.levels.map((l: { name: { vi: string } }) => l.name.vi)).toEqual(defaultLevels().map((l) => l.name.vi));
    const audit = await t.db.selectFrom('audit_log').select('after').where('entity_id', '=', res.json().versionId).executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({
      decisions: [
        { question: 'structure', choice: 'one_group' },
        { question: 'levels', choice: 'national_scale' },
      ],
    });
  });
});

describe('importing a partly flat package without levels', () => {
  it('offers the top-level items as groups; the rest go to the named group', async () => {
    const preview = await admin.post('/api/frameworks/import/preview?format=case', bytes(mixedPackage(34)), octet);
    expect(preview.json().questions.structure.options).toEqual(['one_group', 'top_level_as_groups']);
    const res = await admin.post(
      '/api/frameworks/import?format=case&structure=top_level_as_groups&groupName=Other&levels=without_levels',
      bytes(mixedPackage(34)),
      octet,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(
      res
        .json()
        .decisions.map((d: { message: { en: string } }) => d.message.en)
        .join(' '),
    ).toMatch(/cannot be published until levels are added/);
    const doc = await documentOf(res.json().versionId);
    const groupOf = Object.fromEntries(doc.competencies.map((c: { code: string; groupCode: string }) => [c.code, c.groupCode]));
    const other = doc.groups.find((g: { name: { en: string } }) => g.name.en === 'Other').code;
    expect(doc.groups.map((g: { code: string }) => g.code).sort()).toEqual(['A', other].sort());
    expect(groupOf).toEqual({ 'A.1': 'A', 'A.2': 'A', 'A.1.a': 'A', B: other, 'B.1': other });
    expect(doc.levels).toEqual([]);
  });

  it('one group keeps the tree below it: the top-level items are competencies, their children sub-competencies', async () => {
    const res = await admin.post('/api/frameworks/import?format=case&structure=one_group&levels=national_scale', bytes(mixedPackage(35)), octet);
    expect(res.statusCode, res.body).toBe(201);
    const doc = await documentOf(res.json().versionId);
    expect(doc.groups).toHaveLength(1);
    expect(doc.groups[0].name.en).toBe('Digital Skills for Public Servants');
    const parentOf = Object.fromEntries(doc.competencies.map((c: { code: string; parentCode: string | null }) => [c.code, c.parentCode]));
    expect(parentOf).toEqual({ A: null, 'A.1': 'A', 'A.2': 'A', 'A.1.a': 'A.1', B: null, 'B.1': null });
  });

  it('a draft without levels cannot be published until levels are added', async () => {
    const before = await frameworks();
    const publishing = await admin.post(
      '/api/frameworks/import?format=case&publish=true&structure=one_group&levels=without_levels',
      bytes(mixedPackage(36)),
      octet,
    );
    expect(publishing.statusCode).toBe(409);
    expect(publishing.json().error.code).toBe('framework_levels_missing');
    expect(await frameworks()).toBe(before);

    const res = await admin.post('/api/frameworks/import?format=case&structure=one_group&levels=without_levels', bytes(mixedPackage(36)), octet);
    const { versionId } = res.json();
    const refused = await admin.post(`/api/frameworks/versions/${versionId}/publish`, {}, en);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'framework_levels_missing', message: expect.stringMatching(/no scale yet/) });
    // Editing the draft without levels is allowed; with them, it publishes.
    const doc = await documentOf(versionId);
    expect((await admin.put(`/api/frameworks/versions/${versionId}`, doc)).statusCode).toBe(200);
    expect((await admin.put(`/api/frameworks/versions/${versionId}`, { ...doc, levels: defaultLevels(4) })).statusCode).toBe(200);
    expect((await admin.post(`/api/frameworks/versions/${versionId}/publish`, {})).statusCode).toBe(200);
  });

  it('a package with groups and a scale asks nothing and its answer lists no decision', async () => {
    const pkg = foreignCasePackage({ documentId: 37, rubrics: true });
    const preview = await admin.post('/api/frameworks/import/preview?format=case', bytes(pkg), octet);
    expect(preview.json().questions).toEqual({ structure: null, levels: null });
    const res = await admin.post('/api/frameworks/import?format=case', bytes(pkg), octet);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().decisions).toEqual([]);
  });
});

describe('previewing and importing a CASE service address', () => {
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(flatPackage(Number(req.url!.split('/').pop()))));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env['CASE_IMPORT_ALLOW_PRIVATE_HOSTS'] = 'true';
  });
  afterAll(async () => {
    delete process.env['CASE_IMPORT_ALLOW_PRIVATE_HOSTS'];
    await new Promise<void>((done) => server.close(() => done()));
  });

  it('asks the same questions, and the import carries the answers in its body', async () => {
    const url = `${origin}/ims/case/v1p1/CFPackages/38`;
    const preview = await admin.post('/api/frameworks/import-url/preview', { url });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().questions.structure.options).toEqual(['one_group']);
    expect((await admin.post('/api/frameworks/import-url', { url })).json().error.code).toBe('framework_import_choice_needed');
    const res = await admin.post('/api/frameworks/import-url', { url, structure: 'one_group', groupName: 'Nhóm chung', levels: 'without_levels' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().decisions).toHaveLength(2);
    expect((await documentOf(res.json().versionId)).groups[0].name.vi).toBe('Nhóm chung');
  });

  it('is for framework editors only', async () => {
    expect((await servant.post('/api/frameworks/import-url/preview', { url: `${origin}/x/39` })).statusCode).toBe(403);
    expect((await servant.post('/api/frameworks/import/preview?format=case', bytes(flatPackage(39)), octet)).statusCode).toBe(403);
  });
});
