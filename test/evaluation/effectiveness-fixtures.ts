// A department whose twelve staff were assessed in the 2025 cycle (everyone at level 2 of the first
// competency, required 3), six of whom then completed a course teaching it on 6 March 2026.
import { setClock } from '../../src/platform/clock.js';
import type { TestApp } from '../support/test-app.js';
import { account, agency, consolidatedCycle, framework, person, position } from '../support/factories.js';
import { complete, course, enrol, institution, session } from '../training/credentials-fixtures.js';

export const COMPLETED_AT = '2026-03-06T09:00:00.000Z';

export async function trainedDepartment(t: TestApp) {
  const root = await agency(t, { name: 'Bộ thử hiệu quả' });
  const dept = await agency(t, { parent: root, name: 'Vụ thử hiệu quả' });
  const fw = await framework(t, { agency: root, competencies: 2 });
  const positionId = await position(t, { agency: dept, competencyIds: fw.competencyIds, requiredLevel: () => 3 });
  const hr = await account(t, { agency: dept, role: 'hr_officer' });
  const staff = [];
  for (let i = 0; i < 12; i++) {
    const p = await person(t, { agency: dept, positionId, fullName: `Cán Bộ Hiệu Quả ${String.fromCharCode(65 + i)}` });
    staff.push({ ...p, account: await account(t, { agency: dept, person: p }) });
  }
  const academy = await agency(t, { name: 'Học viện thử hiệu quả', kind: 'institution' });
  const school = await institution(t, { agency: academy, name: 'Học viện Hiệu quả' });
  const rival = await institution(t, { agency: academy, name: 'Trường Đối chứng' });
  const taught = await course(t, {
    institutionId: school.id,
    versionId: fw.versionId,
    competencies: [{ id: fw.competencyIds[0]!, toLevel: 3 }],
    title: 'Dữ liệu số',
  });

  setClock('2025-10-02T03:00:00Z');
  const before = await consolidatedCycle(t, {
    hr,
    framework: fw,
    personIds: staff.map((s) => s.id),
    levels: () => 2,
    input: { kind: 'periodic', year: 2025, opensOn: '2025-10-01', closesOn: '2025-11-30' },
  });
  setClock(COMPLETED_AT);
  const s = await session(t, { courseId: taught.id });
  const trainees = staff.slice(0, 6);
  for (const p of trainees) await complete(t, { enrolmentId: (await enrol(t, { sessionId: s.id, person: p })).id, completedAt: COMPLETED_AT });
  setClock(null);
  return { root, dept, fw, hr, staff, trainees, untrained: staff.slice(6), school, rival, course: taught, session: s, before };
}
