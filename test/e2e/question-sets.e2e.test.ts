// Browser test of issue 16's editors for the institution: a survey question set made in the web (its
// refusals shown beside the field they name, hostile text shown as text), and a session's paper-test
// scores entered with a decimal comma, refused whole when one row is out of range, then recorded.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
let sessionId = '';
const session = useBrowserSession({
  afterStart: async (server) => {
    // A session of trainer's institution with at least two seated trainees who have no pre-test yet.
    const { rows } = await sql<{ id: string }>`
      SELECT s.id FROM training_sessions s
      JOIN training_courses c ON c.id = s.course_id
      JOIN training_institution_staff st ON st.institution_id = c.institution_id
      JOIN users u ON u.id = st.user_id AND u.username = 'trainer'
      WHERE EXISTS (SELECT 1 FROM training_course_competencies cc WHERE cc.course_id = c.id)
        AND (SELECT count(*) FROM training_enrolments e WHERE e.session_id = s.id AND e.status IN ('enrolled', 'completed', 'not_completed')
               AND NOT EXISTS (SELECT 1 FROM evaluation_learning_attempts t WHERE t.enrolment_id = e.id)) >= 2
      ORDER BY s.starts_on LIMIT 1`.execute(server.app.db);
    sessionId = rows[0]?.id ?? '';
  },
});

describe('the institution’s evaluation editors in the browser', () => {
  it('trainer makes a question set: the refused field is marked, hostile text is shown as text', async () => {
    const page = await session.signedIn('trainer', { path: '/evaluation/question-sets', waitFor: 'question-sets' });
    await page.getByTestId('question-set-create').click();
    const editor = page.getByRole('dialog');
    await editor.getByLabel('Tên bộ câu hỏi').fill(`Phiếu ${HOSTILE} E2E`);
    // No question text yet: the server's refusal lands on that field.
    await page.getByTestId('question-set-save').click();
    const text = editor.getByLabel('Nội dung (tiếng Việt)');
    await expect.poll(() => text.getAttribute('aria-invalid')).toBe('true');
    await text.fill(`Giảng viên ${HOSTILE} dễ hiểu?`);
    await expect.poll(() => text.getAttribute('aria-invalid')).not.toBe('true');
    await page.getByTestId('question-set-course').click();
    await page.getByRole('option').first().click();
    await editor.getByRole('button', { name: 'Thêm câu hỏi' }).click();
    await editor.getByText('Trả lời tự do').last().scrollIntoViewIfNeeded();
    await editor.getByText('Trả lời tự do').last().click();
    await editor.getByLabel('Nội dung (tiếng Việt)').last().fill('Góp ý thêm');
    await page.getByTestId('question-set-save').click();
    await page.getByTestId('question-set-editor').waitFor({ state: 'detached' });
    const row = page.getByTestId('question-set-row').filter({ hasText: 'E2E' });
    await expect.poll(() => row.textContent()).toContain(`Phiếu ${HOSTILE} E2E`);
    expect(await row.locator('img').count()).toBe(0);
    // Reopened, the questions are as written, still as text.
    await row.getByRole('button').click();
    await expect.poll(() => page.getByRole('dialog').getByLabel('Nội dung (tiếng Việt)').first().inputValue()).toBe(`Giảng viên ${HOSTILE} dễ hiểu?`);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    const saved = await session.server.app.db
      .selectFrom('evaluation_survey_sets')
      .select(['title', 'questions'])
      .where('title', 'like', '%E2E')
      .executeTakeFirstOrThrow();
    expect(saved.questions.map((q) => q.kind)).toEqual(['scale', 'text']);
  });

  it('trainer enters paper scores with a decimal comma: one row out of range refuses the table, then it is recorded', async () => {
    expect(sessionId).not.toBe('');
    const page = await session.signedIn('trainer', { path: `/training/sessions/${sessionId}`, waitFor: 'tab-paper-scores' });
    await page.getByTestId('tab-paper-scores').click();
    await page.getByTestId('paper-scores').waitFor();
    const recorded = () =>
      session.server.app.db
        .selectFrom('evaluation_learning_attempts as t')
        .innerJoin('training_enrolments as e', 'e.id', 't.enrolment_id')
        .where('e.session_id', '=', sessionId)
        .where('t.source', '=', 'recorded')
        .select('t.id')
        .execute();
    // The first score of two trainees' rows (a course may raise more than one competency).
    const open = page.getByTestId('paper-scores-row').filter({ has: page.getByTestId('paper-score-input') });
    const first = open.nth(0).getByTestId('paper-score-input').first();
    const second = open.nth(1).getByTestId('paper-score-input').first();
    const before = (await recorded()).length;
    await first.fill('120');
    await second.fill('85,5');
    await page.getByTestId('paper-scores-save').click();
    await page.getByTestId('paper-scores-error').waitFor();
    await expect.poll(() => page.getByTestId('paper-scores-error').textContent()).toContain('Chưa ghi điểm nào');
    await expect.poll(() => first.getAttribute('aria-invalid')).toBe('true');
    expect(await second.getAttribute('aria-invalid')).not.toBe('true');
    // Nothing half-written: the valid row was not recorded either.
    expect((await recorded()).length).toBe(before);
    await first.fill('95,5');
    await page.getByTestId('paper-scores-save').click();
    await page.getByTestId('paper-scores-saved').waitFor();
    await expect.poll(async () => (await page.getByTestId('paper-score-value').allTextContents()).join(' ')).toContain('95,5');
    expect((await page.getByTestId('paper-score-value').allTextContents()).join(' ')).toContain('85,5');
    expect((await recorded()).length).toBe(before + 2);
  });
});
