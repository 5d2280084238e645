import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, publishVersion } from '../../src/modules/framework/framework.service.js';
import { account, agency, framework, position } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Publishing a framework version announces framework.versionPublished; the
// positions module (which framework no longer imports) repoints the profiles
// in the same transaction, and the count still reaches the publish audit.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
}, 180_000);
afterAll(() => t?.close());

describe('position profiles follow their framework', () => {
  it('move to the newly published version, counted in the publish audit record', async () => {
    const ministry = await agency(t);
    const admin = await account(t, { agency: ministry, role: 'national_admin' });
    const fw = await framework(t, { agency: ministry, competencies: 3 });
    const positionId = await position(t, { agency: ministry, competencyIds: fw.competencyIds });
    const { framework_id: frameworkId } = await t.db
      .selectFrom('framework_versions')
      .select('framework_id')
      .where('id', '=', fw.versionId)
      .executeTakeFirstOrThrow();

    const draft = await createDraft(t.db, admin.actor, frameworkId);
    await publishVersion(t.db, admin.actor, draft.versionId);

    const requirements = await t.db
      .selectFrom('position_requirements as r')
      .innerJoin('competencies as c', 'c.id', 'r.competency_id')
      .select(['c.version_id', 'c.code', 'r.required_level'])
      .where('r.position_id', '=', positionId)
      .orderBy('c.code')
      .execute();
    expect(requirements).toEqual([
      { version_id: draft.versionId, code: 'C01', required_level: 3 },
      { version_id: draft.versionId, code: 'C02', required_level: 4 },
      { version_id: draft.versionId, code: 'C03', required_level: 3 },
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'publish')
      .where('entity_id', '=', draft.versionId)
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ status: 'published', profilesMoved: 3 });
  }, 60_000);
});
