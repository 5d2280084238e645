import { account, agency, framework, type AccountRow, type AgencyRow, type FrameworkRow } from '../support/factories.js';
import type { Agent, TestApp } from '../support/test-app.js';

/**
 * Two institutions, each with its trainer account, made through the API by a
 * national administrator; a published framework (five levels) and a second
 * one to map wrongly to.
 */
export interface CatalogueWorld {
  admin: Agent;
  root: AgencyRow;
  fw: FrameworkRow;
  otherFw: FrameworkRow;
  a: { id: string; agency: AgencyRow; trainer: AccountRow; agent: Agent };
  b: { id: string; agency: AgencyRow; trainer: AccountRow; agent: Agent };
}

let n = 0;
export async function catalogueWorld(t: TestApp): Promise<CatalogueWorld> {
  const root = await agency(t, { name: 'Bộ thử nghiệm' });
  const adminAccount = await account(t, { agency: root, role: 'national_admin' });
  const admin = await t.signIn(adminAccount.username, adminAccount.password);
  const fw = await framework(t, { agency: root, competencies: 3 });
  const otherFw = await framework(t, { agency: root, competencies: 2 });
  const make = async (label: string) => {
    const instAgency = await agency(t, { name: `Trường thử ${label}` });
    const trainer = await account(t, { agency: instAgency, role: 'trainer' });
    const created = await admin.post('/api/training/institutions', {
      code: `INST-${label}-${++n}-${crypto.randomUUID().slice(0, 4)}`,
      name: `Trường Bồi dưỡng ${label}`,
      kind: 'academy',
      agencyId: instAgency.id,
    });
    if (created.statusCode !== 201) throw new Error(created.body);
    const id = created.json().id as string;
    const linked = await admin.put(`/api/training/institutions/${id}/staff`, { userIds: [trainer.userId] });
    if (linked.statusCode !== 204) throw new Error(linked.body);
    return { id, agency: instAgency, trainer, agent: await t.signIn(trainer.username, trainer.password) };
  };
  return { admin, root, fw, otherFw, a: await make('A'), b: await make('B') };
}

export function courseBody(w: CatalogueWorld, over: Record<string, unknown> = {}) {
  return {
    code: `KH-${crypto.randomUUID().slice(0, 6)}`,
    title: 'Bồi dưỡng kỹ năng chuyển đổi số',
    titleEn: 'Digital transformation skills',
    format: 'blended',
    hours: 24,
    costPerSeat: 2_500_000,
    frameworkVersionId: w.fw.versionId,
    competencies: [{ competencyId: w.fw.competencyIds[0], fromLevel: 1, toLevel: 3 }],
    ...over,
  };
}
