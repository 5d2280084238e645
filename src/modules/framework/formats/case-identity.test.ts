import { describe, expect, it } from 'vitest';
import { caseUri, competencyItemUri, stableUuid, withCaseIdentity } from '../case-identity.js';
import { CASE_ASSOCIATION_TYPES, foreignCasePackage } from '../testing/case-package.js';
import { sampleFramework } from '../testing/sample-framework.js';
import { checkCasePackage } from './case-schema.js';
import { parseFramework, serializeFramework } from './index.js';

type Pkg = ReturnType<typeof foreignCasePackage>;
const names = (pkg: { CFAssociations: Array<Record<string, unknown>> }) =>
  pkg.CFAssociations.map((a) => ({
    identifier: a['identifier'],
    uri: a['uri'],
    type: a['associationType'],
    sequenceNumber: a['sequenceNumber'],
    origin: (a['originNodeURI'] as { identifier: string }).identifier,
    destination: (a['destinationNodeURI'] as { identifier: string }).identifier,
  })).sort((x, y) => String(x.identifier).localeCompare(String(y.identifier)));

async function roundTrip(pkg: object) {
  const parsed = await parseFramework('case', Buffer.from(JSON.stringify(pkg)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const exported = JSON.parse((await serializeFramework('case', parsed.document)).body.toString('utf8')) as Pkg;
  return { parsed, exported };
}

describe('CASE identifiers and associations survive import and export', () => {
  it('keeps the document and item identifiers, URIs, item types, language and creator as found', async () => {
    const pkg = foreignCasePackage();
    const { exported } = await roundTrip(pkg);
    expect(exported.CFDocument).toMatchObject({
      identifier: pkg.CFDocument.identifier,
      uri: pkg.CFDocument.uri,
      language: 'en',
      creator: 'Example Standards Body',
    });
    const byId = new Map(exported.CFItems.map((i) => [i.identifier, i]));
    for (const item of pkg.CFItems) {
      expect(byId.get(item.identifier)).toMatchObject({
        uri: item.uri,
        CFItemType: item.CFItemType,
        humanCodingScheme: item.humanCodingScheme,
        language: 'en',
      });
    }
    expect(exported.CFItems).toHaveLength(pkg.CFItems.length);
  });

  it('keeps every association type with its identifier, URI, ends and sequence number, and validates against the official schema', async () => {
    const pkg = foreignCasePackage();
    const { parsed, exported } = await roundTrip(pkg);
    expect(names(exported)).toEqual(names(pkg));
    expect(new Set(exported.CFAssociations.map((a) => a.associationType))).toEqual(new Set(CASE_ASSOCIATION_TYPES));
    expect(checkCasePackage(exported, true).errors).toEqual([]);
    // The package imported again is the same document.
    const again = await parseFramework('case', Buffer.from(JSON.stringify(exported)));
    expect(again.ok && again.document).toEqual(parsed.document);
  });

  it("keeps the identifiers and URIs of the CFRubrics, criteria and criterion levels; NangLuc's own export stores none", async () => {
    const pkg = foreignCasePackage({ rubrics: true });
    const { parsed, exported } = await roundTrip(pkg);
    const rubricNames = (rubrics: Array<{ identifier: string; uri: string; CFRubricCriteria: Array<Record<string, unknown>> }>) =>
      rubrics.map((r) => [
        r.identifier,
        r.uri,
        r.CFRubricCriteria.filter((c) => c['identifier'] !== undefined && !String(c['uri']).startsWith('urn:uuid:')).map((c) => [
          c['identifier'],
          c['uri'],
          c['rubricId'],
          (c['CFRubricCriterionLevels'] as Array<{ identifier: string; uri: string }>).map((l) => [l.identifier, l.uri]),
        ]),
      ]);
    expect(rubricNames(exported.CFRubrics!)).toEqual(rubricNames(pkg.CFRubrics!));
    expect(checkCasePackage(exported, true).errors).toEqual([]);
    const again = await parseFramework('case', Buffer.from(JSON.stringify(exported)));
    expect(again.ok && again.document).toEqual(parsed.document);
    // A framework made in NangLuc reads back from its own export without rubric names to store.
    const own = await roundTrip(JSON.parse((await serializeFramework('case', sampleFramework())).body.toString('utf8')));
    expect(own.parsed.ok && own.parsed.document.rubrics).toBeUndefined();
    expect(own.parsed.ok && own.parsed.document.competencies.some((c) => c.criterion)).toBe(false);
  });

  it('says what NangLuc adds to a package without rubrics (five levels) and keeps a second parent only outside the package', async () => {
    const { parsed } = await roundTrip(foreignCasePackage());
    expect(parsed.ok && parsed.document.levels).toHaveLength(5);
    const warnings = (parsed.ok && parsed.warnings) || [];
    expect(warnings.some((w) => w.location === 'CFRubrics' && /default 5-level scale/.test(w.message.en))).toBe(true);
  });

  it('a flat package gets one group and says so; an empty package is refused with a message', async () => {
    const pkg = foreignCasePackage({ documentId: 2 });
    pkg.CFAssociations = pkg.CFItems.map((item, i) => ({
      identifier: `7a000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      uri: `urn:uuid:7a000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      associationType: 'isChildOf',
      sequenceNumber: i + 1,
      originNodeURI: { title: item.fullStatement, identifier: item.identifier, uri: item.uri },
      destinationNodeURI: { title: pkg.CFDocument.title, identifier: pkg.CFDocument.identifier, uri: pkg.CFDocument.uri },
      lastChangeDateTime: '2025-03-04T05:06:07+00:00',
    }));
    const flat = await parseFramework('case', Buffer.from(JSON.stringify(pkg)));
    if (!flat.ok) throw new Error(JSON.stringify(flat.issues));
    expect(flat.document.groups).toHaveLength(1);
    expect(flat.document.competencies).toHaveLength(6);
    expect(flat.warnings!.some((w) => w.location === 'CFDocument' && /no groups/.test(w.message.en) && /không có nhóm/.test(w.message.vi))).toBe(true);

    const empty = await parseFramework('case', Buffer.from(JSON.stringify({ ...pkg, CFItems: [], CFAssociations: [] })));
    expect(empty.ok).toBe(false);
    expect(!empty.ok && empty.issues).toEqual([
      { location: 'CFItems', message: { vi: expect.stringMatching(/không có mục nào/), en: expect.stringMatching(/no items/) } },
    ]);
  });

  it('a NUL in an identifier is refused, naming where', async () => {
    const pkg = foreignCasePackage();
    pkg.CFItems[1]!.uri = 'https://x.example/\u0000';
    const result = await parseFramework('case', Buffer.from(JSON.stringify(pkg)));
    expect(!result.ok && result.issues.map((i) => i.location)).toContain('CFItems[1].uri');
  });
});

describe('names NangLuc mints for its own frameworks', () => {
  it('are the name-based UUIDs its export and certificates always used, on the CASE service path', () => {
    const doc = withCaseIdentity(sampleFramework());
    const id = stableUuid('KNL-THU.01', 'item', 'G1.1');
    expect(doc.competencies[0]).toMatchObject({ identifier: id, uri: caseUri('CFItems', id), itemType: 'Competency' });
    expect(doc.identifier).toBe(stableUuid('KNL-THU.01', 'document'));
    expect(doc).toMatchObject({ language: 'vi', creator: 'NangLuc' });
    expect(withCaseIdentity(doc)).toEqual(doc);
    expect(competencyItemUri('KNL-THU.01', { code: 'G1.1', identifier: null, uri: null })).toBe(`https://nangluc.gov.vn/ims/case/v1p1/CFItems/${id}`);
    expect(competencyItemUri('X', { code: 'G1.1', identifier: 'a', uri: 'https://case.example.org/uri/a' })).toBe('https://case.example.org/uri/a');
  });

  it('a competency moved in the editor gets its tree edge renumbered, and its old in-package edge is dropped', () => {
    const doc = withCaseIdentity(sampleFramework());
    const moved = withCaseIdentity({ ...doc, competencies: doc.competencies.map((c) => (c.code === 'G2.1' ? { ...c, groupCode: 'G1' } : c)) });
    const edges = moved.associations!.filter((a) => a.type === 'isChildOf' && a.origin.identifier === stableUuid('KNL-THU.01', 'item', 'G2.1'));
    expect(edges).toHaveLength(1);
    expect(edges[0]!.destination.identifier).toBe(stableUuid('KNL-THU.01', 'item', 'G1'));
    const siblings = moved.associations!.filter((a) => a.type === 'isChildOf' && a.destination.identifier === edges[0]!.destination.identifier);
    expect(siblings.map((a) => a.sequenceNumber)).toEqual([1, 2, 3]);
  });
});
