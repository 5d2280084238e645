import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app.js';
import { account, agency } from '../../../test/support/factories.js';
import { checkCasePackage } from './formats/case-schema.js';
import { caseUri, stableUuid } from './case-identity.js';
import { foreignCasePackage } from './testing/case-package.js';

/** The CASE 1.1 service and the import from it, over HTTP. */
const octet = { 'content-type': 'application/octet-stream' };
const SERVICE = '/ims/case/v1p1';

let t: TestApp;
let admin: Agent;
let hr: Agent;
let origin: string;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const ministry = await agency(t, { kind: 'ministry' });
  const department = await agency(t, { parent: ministry });
  const a = await account(t, { agency: ministry, role: 'national_admin' });
  const h = await account(t, { agency: department, role: 'hr_officer' });
  admin = await t.signIn(a.username, a.password);
  hr = await t.signIn(h.username, h.password);
  // A real HTTP server, so that the import reads the service as any CASE consumer does.
  origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
}, 60_000);
afterAll(() => t.close());

async function importPackage(agent: Agent, pkg: object, publish: boolean) {
  const res = await agent.post(`/api/frameworks/import?format=case&publish=${publish}&levels=national_scale`, Buffer.from(JSON.stringify(pkg)), octet);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json<{ versionId: string; frameworkId: string; warnings: Array<{ location: string }> }>();
}

describe('the CASE 1.1 service', () => {
  it('serves an imported, published national framework with its own identifiers, URIs and associations, valid against the official schema', async () => {
    const pkg = foreignCasePackage({ documentId: 11 });
    const { versionId } = await importPackage(admin, pkg, true);
    const anonymous = t.anonymous();

    const served = await anonymous.get(`${SERVICE}/CFPackages/${pkg.CFDocument.identifier}`);
    expect(served.statusCode).toBe(200);
    const body = served.json();
    expect(checkCasePackage(body, true).errors).toEqual([]);
    expect(body.CFDocument).toMatchObject({
      identifier: pkg.CFDocument.identifier,
      uri: pkg.CFDocument.uri,
      language: 'en',
      creator: 'Example Standards Body',
    });
    expect(body.CFItems.map((i: { identifier: string }) => i.identifier).sort()).toEqual(pkg.CFItems.map((i) => i.identifier).sort());
    expect(body.CFAssociations.map((a: { identifier: string }) => a.identifier).sort()).toEqual(pkg.CFAssociations.map((a) => a.identifier).sort());
    // The download of the same version is the same package.
    const exported = (await admin.get(`/api/frameworks/versions/${versionId}/export?format=case`)).json();
    const timeless = (list: Array<Record<string, unknown>>) => list.map(({ lastChangeDateTime: _when, ...rest }) => rest);
    expect(timeless(exported.CFAssociations)).toEqual(timeless(body.CFAssociations));
    expect(timeless(exported.CFItems)).toEqual(timeless(body.CFItems));

    const list = (await anonymous.get(`${SERVICE}/CFDocuments`)).json().CFDocuments;
    expect(list.map((d: { identifier: string }) => d.identifier)).toContain(pkg.CFDocument.identifier);
    expect((await anonymous.get(`${SERVICE}/CFDocuments/${pkg.CFDocument.identifier}`)).json().uri).toBe(pkg.CFDocument.uri);

    const item = pkg.CFItems[5]!;
    expect((await anonymous.get(`${SERVICE}/CFItems/${item.identifier}`)).json()).toMatchObject({ uri: item.uri, CFItemType: 'Standard' });
    const related = (await anonymous.get(`${SERVICE}/CFItemAssociations/${item.identifier}`)).json();
    expect(related.CFAssociations.map((a: { associationType: string }) => a.associationType)).toEqual(
      expect.arrayContaining(['isChildOf', 'isPeerOf', 'exactMatchOf', 'isRelatedTo', 'replacedBy', 'hasSkillLevel']),
    );
    const exact = pkg.CFAssociations.find((a) => a.associationType === 'exactMatchOf')!;
    expect((await anonymous.get(`${SERVICE}/CFAssociations/${exact.identifier}`)).json()).toMatchObject({
      uri: exact.uri,
      destinationNodeURI: exact.destinationNodeURI,
    });
    const rubric = body.CFRubrics[0].identifier as string;
    expect((await anonymous.get(`${SERVICE}/CFRubrics/${rubric}`)).statusCode).toBe(200);
    // Certificates issued before CASE 1.1 name items on the v1p0 path: it still answers.
    expect((await anonymous.get(`/ims/case/v1p0/CFItems/${item.identifier}`)).statusCode).toBe(200);
  });

  it('keeps the identifiers and URIs of the rubrics, criteria and criterion levels of an imported package, through the database and a new draft', async () => {
    const pkg = foreignCasePackage({ documentId: 16, rubrics: true });
    const { versionId, frameworkId } = await importPackage(admin, pkg, true);
    const names = (rubrics: Array<Record<string, unknown>>) =>
      rubrics.map((r) => ({
        identifier: r['identifier'],
        uri: r['uri'],
        criteria: (r['CFRubricCriteria'] as Array<Record<string, unknown>>).map((c) => ({
          identifier: c['identifier'],
          uri: c['uri'],
          item: (c['CFItemURI'] as { identifier: string }).identifier,
          rubricId: c['rubricId'],
          levels: (c['CFRubricCriterionLevels'] as Array<Record<string, unknown>>).map((l) => [l['identifier'], l['uri'], l['rubricCriterionId']]),
        })),
      }));
    const expected = names(pkg.CFRubrics!);
    const anonymous = t.anonymous();
    const served = (await anonymous.get(`${SERVICE}/CFPackages/${pkg.CFDocument.identifier}`)).json();
    expect(checkCasePackage(served, true).errors).toEqual([]);
    // The package's criteria are in their own rubrics (items without a criterion of theirs are written in the first).
    expect(names(served.CFRubrics).map((r) => ({ ...r, criteria: r.criteria.filter((c) => expected.some((e) => e.criteria[0]!.item === c.item)) }))).toEqual(
      expected,
    );
    const rubric = pkg.CFRubrics![1]!;
    const one = await anonymous.get(`${SERVICE}/CFRubrics/${rubric.identifier}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ identifier: rubric.identifier, uri: rubric.uri, title: rubric.title });
    expect(one.json().CFRubricCriteria[0]).toMatchObject({ identifier: rubric.CFRubricCriteria[0]!.identifier, uri: rubric.CFRubricCriteria[0]!.uri });

    const exported = (await admin.get(`/api/frameworks/versions/${versionId}/export?format=case`)).json();
    expect(names(exported.CFRubrics)).toEqual(names(served.CFRubrics));
    const draft = await admin.post(`/api/frameworks/${frameworkId}/drafts`);
    expect(draft.statusCode).toBe(201);
    const doc = (await admin.get(`/api/frameworks/versions/${draft.json().versionId}`)).json().document;
    expect((await admin.put(`/api/frameworks/versions/${draft.json().versionId}`, doc)).statusCode).toBe(200);
    const again = (await admin.get(`/api/frameworks/versions/${draft.json().versionId}/export?format=case`)).json();
    expect(names(again.CFRubrics)).toEqual(names(served.CFRubrics));
    // The draft is not served: the service still answers the published version's two rubrics.
    expect((await anonymous.get(`${SERVICE}/CFPackages/${pkg.CFDocument.identifier}`)).json().CFRubrics.length).toBe(2);
    expect((await admin.delete(`/api/frameworks/versions/${draft.json().versionId}`)).statusCode).toBe(200);
  });

  it('keeps drafts and agency frameworks from anonymous callers (404, as if absent)', async () => {
    const draft = foreignCasePackage({ documentId: 12 });
    await importPackage(admin, draft, false);
    const own = foreignCasePackage({ documentId: 13 });
    await importPackage(hr, own, true);
    const anonymous = t.anonymous();
    for (const pkg of [draft, own]) {
      expect((await anonymous.get(`${SERVICE}/CFPackages/${pkg.CFDocument.identifier}`)).statusCode).toBe(404);
      expect((await anonymous.get(`${SERVICE}/CFDocuments/${pkg.CFDocument.identifier}`)).statusCode).toBe(404);
      expect((await anonymous.get(`${SERVICE}/CFItems/${pkg.CFItems[0]!.identifier}`)).statusCode).toBe(404);
      expect((await anonymous.get(`${SERVICE}/CFAssociations/${pkg.CFAssociations[0]!.identifier}`)).statusCode).toBe(404);
      expect((await anonymous.get(`${SERVICE}/CFItemAssociations/${pkg.CFItems[0]!.identifier}`)).statusCode).toBe(404);
    }
    const listed = (await anonymous.get(`${SERVICE}/CFDocuments`)).json().CFDocuments.map((d: { identifier: string }) => d.identifier);
    expect(listed).not.toContain(draft.CFDocument.identifier);
    expect(listed).not.toContain(own.CFDocument.identifier);
    // Even its own HR officer does not see the draft of another's framework; the draft is the national administrator's.
    expect((await hr.get(`${SERVICE}/CFPackages/${draft.CFDocument.identifier}`)).statusCode).toBe(404);
  });
});

describe('an agency extension of a national framework', () => {
  it('keeps the link to the national CFDocument and to national items by their identifiers', async () => {
    const pkg = foreignCasePackage({ documentId: 15 });
    const national = await importPackage(admin, pkg, true);
    const created = await hr.post(`/api/frameworks/${national.frameworkId}/extensions`, { code: 'EXT-15', name: { vi: 'Mở rộng của sở', en: '' } });
    expect(created.statusCode, created.body).toBe(201);
    const { versionId } = created.json();
    const doc = (await hr.get(`/api/frameworks/versions/${versionId}`)).json().document;
    expect(doc.base).toEqual({ identifier: pkg.CFDocument.identifier, uri: pkg.CFDocument.uri, title: pkg.CFDocument.title });
    // The agency's competency says it builds on a national one: the association names the national item as it is known.
    const nationalItem = pkg.CFItems[5]!;
    const next = {
      ...doc,
      groups: [{ code: 'EXT-G', kind: 'functional', name: { vi: 'Nhóm của sở', en: '' }, description: { vi: '', en: '' } }],
      competencies: [
        { code: 'EXT-1', groupCode: 'EXT-G', parentCode: null, name: { vi: 'Năng lực riêng', en: '' }, description: { vi: '', en: '' }, indicators: [] },
      ],
      associations: [
        {
          identifier: '5e000000-0000-4000-8000-000000000001',
          uri: 'urn:uuid:5e000000-0000-4000-8000-000000000001',
          type: 'isRelatedTo',
          // The identifier NangLuc mints for the agency's new competency (case-identity.ts).
          origin: {
            identifier: stableUuid('EXT-15', 'item', 'EXT-1'),
            uri: caseUri('CFItems', stableUuid('EXT-15', 'item', 'EXT-1')),
            title: 'Năng lực riêng',
          },
          destination: { identifier: nationalItem.identifier, uri: nationalItem.uri, title: nationalItem.fullStatement },
          sequenceNumber: null,
        },
      ],
    };
    expect((await hr.put(`/api/frameworks/versions/${versionId}`, next)).statusCode).toBe(200);
    const exported = (await hr.get(`/api/frameworks/versions/${versionId}/export?format=case`)).json();
    expect(exported.CFDocument.extensions.nangluc.base.identifier).toBe(pkg.CFDocument.identifier);
    const related = exported.CFAssociations.find((a: { associationType: string }) => a.associationType === 'isRelatedTo');
    expect(related.originNodeURI.identifier).toBe(exported.CFItems.find((i: { humanCodingScheme: string }) => i.humanCodingScheme === 'EXT-1').identifier);
    expect(related.destinationNodeURI).toEqual({ identifier: nationalItem.identifier, uri: nationalItem.uri, title: nationalItem.fullStatement });
    expect(checkCasePackage(exported, true).errors).toEqual([]);
  });
});

describe('importing from a CASE service address', () => {
  it('reads a published framework from the service over HTTP and re-imports it identically, identifiers included', async () => {
    const pkg = foreignCasePackage({ documentId: 14 });
    const first = await importPackage(admin, pkg, true);
    const before = (await admin.get(`/api/frameworks/versions/${first.versionId}`)).json().document;
    process.env['CASE_IMPORT_ALLOW_PRIVATE_HOSTS'] = 'true';
    try {
      const res = await admin.post('/api/frameworks/import-url', { url: `${origin}${SERVICE}/CFDocuments/${pkg.CFDocument.identifier}` });
      expect(res.statusCode, res.body).toBe(200);
      const again = (await admin.get(`/api/frameworks/versions/${res.json().versionId}`)).json().document;
      expect(again).toEqual(before);
      expect(again.identifier).toBe(pkg.CFDocument.identifier);
      expect(again.associations).toHaveLength(pkg.CFAssociations.length);
      const audit = await t.db.selectFrom('audit_log').select('after').where('entity_id', '=', res.json().versionId).executeTakeFirstOrThrow();
      expect(audit.after).toMatchObject({ source: expect.stringContaining('/CFDocuments/') });
    } finally {
      delete process.env['CASE_IMPORT_ALLOW_PRIVATE_HOSTS'];
    }
  });

  it('refuses loopback, private and non-http addresses unless the setting allows them, and changes nothing', async () => {
    // What the administrator can see of frameworks and versions, through the API: nothing may appear.
    const count = async () => JSON.stringify((await admin.get('/api/frameworks')).json().items);
    const before = await count();
    for (const url of [`${origin}${SERVICE}/CFPackages/x`, 'http://10.1.2.3/ims/case/v1p1/CFPackages/x', 'http://[::1]/x', 'file:///etc/passwd', 'not a url']) {
      const res = await admin.post('/api/frameworks/import-url', { url }, { 'accept-language': 'en' });
      expect(res.statusCode, url).toBe(422);
      expect(res.json().error.code).toBe('framework_url_refused');
    }
    expect(await count()).toBe(before);
  });

  it('is for framework editors only: a civil servant is refused, and the service answer of a missing package is a 502 with a message', async () => {
    const servant = await account(t, { agency: await agency(t), role: 'civil_servant' });
    const agent = await t.signIn(servant.username, servant.password);
    expect((await agent.post('/api/frameworks/import-url', { url: 'https://example.org/' })).statusCode).toBe(403);
    process.env['CASE_IMPORT_ALLOW_PRIVATE_HOSTS'] = 'true';
    try {
      const res = await admin.post('/api/frameworks/import-url', { url: `${origin}${SERVICE}/CFPackages/00000000-0000-4000-8000-000000000000` });
      expect(res.statusCode).toBe(502);
      expect(res.json().error.code).toBe('framework_url_unreachable');
    } finally {
      delete process.env['CASE_IMPORT_ALLOW_PRIVATE_HOSTS'];
    }
  });
});
