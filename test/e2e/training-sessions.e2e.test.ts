// Browser test of issue 14's journey: the trainer finds a demo course in the
// catalogue and plans a session of it, HR enrols a person, the trainer records
// attendance and closes the session, the person is completed, the
// institution's certificate is issued by the job queue, and anyone (signed out)
// verifies it on the public page.
import { describe, expect, it } from 'vitest';
import { today } from '../../src/platform/clock.js';
import { foldForSearch } from '../../src/platform/text/vietnamese.js';
import { useBrowserSession } from './browser.js';

let personId = '';
const NAME = 'Phạm Thị Thử Lớp';
const session = useBrowserSession({
  afterStart: async (server) => {
    const agency = await server.app.db.selectFrom('agencies').select('id').where('code', '=', 'HN-SNV').executeTakeFirstOrThrow();
    personId = (
      await server.app.db
        .insertInto('people')
        .values({ staff_code: 'HN-E2E-01', full_name: NAME, search_name: foldForSearch(NAME), agency_id: agency.id, role_category: 'professional' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  },
});

describe('training sessions in the browser', () => {
  it('trainer: catalogue → session → HR enrols → attendance → completed → certificate → anyone verifies it', async () => {
    const day = today();
    const trainer = await session.signedIn('trainer', { path: '/training/catalogue' });
    await trainer.getByTestId('catalogue-search').fill('chuyen doi so');
    await trainer.getByTestId('catalogue-table').locator('tbody tr a').first().click();
    await trainer.getByTestId('course-sessions').click();
    await trainer.waitForURL(/\/training\/sessions/);
    await trainer.getByTestId('session-new').click();
    await trainer.getByTestId('session-course').click();
    await trainer.getByRole('option').first().click();
    await trainer.getByTestId('session-code').fill('E2E-2026-01');
    for (const id of ['session-starts', 'session-ends', 'session-opens', 'session-closes']) await trainer.getByTestId(id).fill(day);
    await trainer.getByTestId('session-seats').fill('10');
    await trainer.getByTestId('session-place').fill('Phòng 301, Học viện');
    await trainer.getByTestId('meeting-add').click();
    await trainer.getByTestId('session-save').click();
    await trainer.waitForURL(/\/training\/sessions\/[0-9a-f-]{36}$/);
    const sessionUrl = trainer.url();
    await expect.poll(() => trainer.getByTestId('session-status').textContent()).toBe('Đang nhận đăng ký');

    const hr = await session.signedIn('hr.hanoi', { path: new URL(sessionUrl).pathname });
    await hr.getByTestId('enrol-person').fill('pham thi thu lop');
    await hr.getByRole('option', { name: /Phạm Thị Thử Lớp/ }).click();
    await hr.getByTestId('enrol-submit').click();
    await expect.poll(() => hr.getByTestId('enrolments-seated').textContent()).toContain(NAME);
    await expect.poll(() => hr.getByTestId('session-seats-taken').textContent()).toContain('1/10');

    await trainer.reload();
    await trainer.getByTestId('tab-attendance').click();
    await trainer.getByTestId('attendance-mark').first().check();
    // An examined course (a pass score) completes only with a final score at or above it.
    const score = trainer.getByTestId('attendance-score').first();
    if ((await score.count()) > 0) await score.fill('95');
    await trainer.getByTestId('attendance-save').click();
    await trainer.getByTestId('attendance-saved').waitFor();
    trainer.on('dialog', (dialog) => void dialog.accept());
    await trainer.getByTestId('session-close').click();
    await trainer.getByTestId('session-closed').waitFor();
    await expect.poll(() => trainer.getByTestId('attendance-row').first().textContent()).toContain('Hoàn thành');

    const row = await session.server.app.db
      .selectFrom('training_enrolments')
      .select(['status', 'completed_at', 'attendance_share'])
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'completed', attendance_share: 1 });
    expect(row.completed_at).not.toBeNull();
    await hr.reload();
    await expect.poll(() => hr.getByTestId('enrolments-seated').textContent()).toContain('Hoàn thành');

    // The completion queued the certificate; the server's job queue signs it after the commit.
    const enrolment = await session.server.app.db.selectFrom('training_enrolments').select('id').where('person_id', '=', personId).executeTakeFirstOrThrow();
    let credentialId = '';
    await expect
      .poll(
        async () => {
          const row = await session.server.app.db
            .selectFrom('training_credentials')
            .select(['id', 'status'])
            .where('enrolment_id', '=', enrolment.id)
            .executeTakeFirst();
          credentialId = row?.id ?? '';
          return row?.status;
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe('issued');
    await hr.goto(`${session.server.url}/training/certificates`);
    await expect.poll(() => hr.getByTestId('certificates-table').textContent()).toContain(NAME);

    const anyone = await session.newPage();
    await anyone.goto(`${session.server.url}/verify/${credentialId}`);
    const outcome = anyone.getByTestId('verify-outcome').first();
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-status')).toBe('genuine');
    expect(await outcome.textContent()).toContain(NAME);
  }, 240_000);
});
