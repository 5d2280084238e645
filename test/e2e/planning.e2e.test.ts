// Browser test of issue 15: HR of Hà Nội builds the annual plan on the demo data, reads why each seat,
// drops one seat (re-checked live), saves the edit as a new version and approves it (enrolments).
import { describe, expect, it } from 'vitest';
import { updateCycle } from '../../src/modules/assessment/cycles.service.js';
import { account, agency, consolidatedCycle, framework, person, position } from '../support/factories.js';
import { day } from '../support/waits.js';
import { course, institution, session as trainingSession } from '../training/plans-fixtures.js';
import { useBrowserSession } from './browser.js';

// A department of Hà Nội's Sở Nội vụ with three staff whose closed cycle left gaps, and two sessions that close them.
const session = useBrowserSession({
  afterStart: async (server) => {
    const db = server.app.db;
    const snv = await db.selectFrom('agencies').select(['id', 'code', 'name', 'path']).where('code', '=', 'HN-SNV').executeTakeFirstOrThrow();
    const dept = await agency(db, { parent: snv, name: 'Phòng Kế hoạch thử' });
    const fw = await framework(db, { agency: dept, competencies: 2 });
    const positionId = await position(db, { agency: dept, competencyIds: fw.competencyIds });
    const hr = await account(db, { agency: dept, role: 'hr_officer' });
    const staff = [];
    for (const name of ['Nguyễn Văn Kế', 'Trần Thị Hoạch', 'Lê Văn Năm']) staff.push(await person(db, { agency: dept, positionId, fullName: name }));
    const cycle = await consolidatedCycle(db, { hr, framework: fw, personIds: staff.map((s) => s.id), levels: () => 1 });
    await updateCycle(db, hr.actor, cycle.id, { status: 'closed' });
    const inst = await institution(db, dept);
    for (const [k, competency, from] of [
      ['KH1', fw.competencyIds[0]!, 20],
      ['KH2', fw.competencyIds[1]!, 30],
    ] as const) {
      const courseId = await course(db, { institutionId: inst, versionId: fw.versionId, code: k, competencies: [[competency, 1, 3]] });
      await trainingSession(db, { courseId, code: `${k}-2026`, startsOn: day(from), endsOn: day(from + 1), opensOn: day(-1), closesOn: day(10), seats: 10 });
    }
  },
});

describe('the annual plan in the browser', () => {
  it('HR builds, explains, edits and approves a plan', async () => {
    const hr = await session.signedIn('hr.hanoi', { path: '/planning' });
    await hr.getByTestId('planning-name').fill('Kế hoạch bồi dưỡng 2026 — thử');
    await hr.getByTestId('planning-create').click();
    await hr.getByTestId('planning-solve').click();
    await expect.poll(() => hr.getByTestId('planning-figures').textContent(), { timeout: 90_000 }).toMatch(/Lợi ích/);
    const rows = hr.getByTestId('planning-seats').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    // Why: the gap each seat closes, its levels and weights.
    await expect.poll(() => rows.first().textContent()).toMatch(/mức độ quan trọng/);
    await expect.poll(() => hr.getByTestId('planning-by-group').locator('tr').count()).toBeGreaterThan(0);

    await rows.first().getByRole('checkbox').uncheck();
    await expect.poll(() => hr.getByTestId('planning-check').textContent(), { timeout: 30_000 }).toMatch(/Mọi giới hạn đều được bảo đảm/);
    await hr.getByTestId('planning-save').click();
    const versionHeading = hr.getByRole('heading', { level: 3 }).filter({ hasText: /Phương án/ });
    await expect.poll(() => versionHeading.textContent(), { timeout: 30_000 }).toMatch(/Phương án 2 \(sửa tay\)/);

    await hr.getByTestId('planning-approve').click();
    await expect.poll(() => hr.getByTestId('planning-approved').textContent(), { timeout: 30_000 }).toMatch(/Đã phê duyệt phương án 2/);
    // The budget view counts the approved plan on Hà Nội's own row (item 5: planned against spent by unit).
    const own = hr
      .getByTestId('planning-budget-view')
      .locator('tbody tr')
      .filter({ hasText: /kế hoạch và học viên của chính đơn vị/ });
    await expect.poll(() => own.locator('td').nth(1).textContent(), { timeout: 30_000 }).toMatch(/^1 \//);
  }, 180_000);
});
