// Browser test of issue 15: HR of Hà Nội builds the annual plan on the demo data, reads why each seat,
// drops one seat (re-checked live), saves the edit as a new version and approves it (enrolments); HR of a
// department declares classes to open, withdraws one, and its plan opens the other.
import { describe, expect, it } from 'vitest';
import { updateCycle } from '../../src/modules/assessment/cycles.service.js';
import { FACTORY_PASSWORD, account, agency, consolidatedCycle, framework, person, position, type AccountRow } from '../support/factories.js';
import { day } from '../support/waits.js';
import { course, institution, session as trainingSession } from '../training/plans-fixtures.js';
import { useBrowserSession } from './browser.js';

/** HR of a second department, one of whose staff's gaps only a class to open (course OPENME, no session) can close. */
let openingsHr: AccountRow;

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
    const other = await agency(db, { parent: snv, name: 'Phòng Mở lớp thử' });
    const otherFw = await framework(db, { agency: other, competencies: 3 });
    const otherPosition = await position(db, { agency: other, competencyIds: otherFw.competencyIds });
    openingsHr = await account(db, { agency: other, role: 'hr_officer' });
    const otherStaff = [];
    for (const name of ['Phạm Văn Mở', 'Đỗ Thị Lớp', 'Vũ Văn Mới'])
      otherStaff.push(await person(db, { agency: other, positionId: otherPosition, fullName: name }));
    const otherCycle = await consolidatedCycle(db, { hr: openingsHr, framework: otherFw, personIds: otherStaff.map((s) => s.id), levels: () => 1 });
    await updateCycle(db, openingsHr.actor, otherCycle.id, { status: 'closed' });
    // Plans match courses by competency code: KH1 and KH2 close C01 and C02 here too, only OPENME closes C03.
    // Its title is "Khóa học OPENME": the picker is searched without diacritics below.
    await course(db, { institutionId: inst, versionId: otherFw.versionId, code: 'OPENME', competencies: [[otherFw.competencyIds[2]!, 1, 3]] });
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

  it('HR declares classes to open, withdraws one, and the plan opens the other', async () => {
    const hr = await session.newPage();
    await hr.goto(`${session.server.url}/planning`);
    await session.signIn(hr, openingsHr.username, FACTORY_PASSWORD);
    await hr.getByTestId('planning-openings-link').click();
    await hr.getByTestId('opening-form').waitFor();

    // The course picker finds "Khóa học OPENME" typed without diacritics.
    await hr.getByTestId('opening-course').fill('khoa hoc openme');
    await hr.getByRole('option', { name: 'OPENME — Khóa học OPENME' }).click();
    await hr.getByTestId('opening-code').fill('OPENME-2026-A');
    await hr.getByTestId('opening-seats').fill('5');
    await hr.getByTestId('opening-min-class').fill('2');
    await hr.getByTestId('opening-cost').fill('3000000');
    await expect.poll(() => hr.getByTestId('opening-cost').inputValue()).toBe('3.000.000');
    await hr.getByTestId('opening-submit').click();
    const first = hr.getByTestId('opening-row-OPENME-2026-A');
    await expect.poll(() => first.textContent(), { timeout: 30_000 }).toMatch(/Khóa học OPENME.*5 chỗ, tối thiểu 2.*3\.000\.000\s₫.*2\.000\.000\s₫.*Dự kiến/);

    // The same code again: the server's refusal is shown at the code field, nothing is added.
    await hr.getByTestId('opening-code').fill('OPENME-2026-A');
    await hr.getByTestId('opening-submit').click();
    await expect.poll(() => hr.getByTestId('opening-code').getAttribute('aria-invalid'), { timeout: 30_000 }).toBe('true');
    await expect.poll(() => hr.getByText('Mã lớp này đã được dùng cho một lớp hoặc một lớp dự kiến khác.').count()).toBe(1);
    // A minimum above the seats is named at its field as it is typed, and cannot be sent.
    await hr.getByTestId('opening-min-class').fill('9');
    await expect.poll(() => hr.getByText('Sĩ số tối thiểu lớn hơn số chỗ.').count()).toBe(1);
    expect(await hr.getByTestId('opening-submit').isDisabled()).toBe(true);
    await hr.getByTestId('opening-min-class').fill('2');
    await hr.getByTestId('opening-code').fill('OPENME-2026-B');
    await hr.getByTestId('opening-submit').click();
    const second = hr.getByTestId('opening-row-OPENME-2026-B');
    await second.waitFor();

    // Withdrawn after a confirmation: no longer offered to plans.
    await second.getByTestId('opening-withdraw').click();
    await hr.getByRole('dialog').getByTestId('opening-withdraw-confirm').click();
    await expect.poll(() => second.getByTestId('opening-status').textContent(), { timeout: 30_000 }).toBe('Đã rút');
    expect(await second.getByTestId('opening-withdraw').count()).toBe(0);
    expect(await first.getByTestId('opening-status').textContent()).toBe('Dự kiến');

    await hr.getByTestId('openings-back').click();
    await hr.getByTestId('planning-name').fill('Kế hoạch có lớp mở mới — thử');
    await hr.getByTestId('planning-create').click();
    await hr.getByTestId('planning-solve').click();
    await expect.poll(() => hr.getByTestId('planning-figures').textContent(), { timeout: 90_000 }).toMatch(/Lợi ích/);
    const offered = hr.getByTestId('planning-openings').locator('tbody tr');
    await expect.poll(() => offered.allTextContents()).toEqual([expect.stringMatching(/^OPENME-2026-AKhóa học OPENME.*3 \(tối thiểu 2, tối đa 5\)Mở lớp/)]);
    await expect.poll(() => hr.getByTestId('planning-seats').locator('tbody tr').filter({ hasText: 'OPENME-2026-A' }).count()).toBe(3);
  }, 180_000);
});
