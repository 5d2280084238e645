// Browser test of issue 15: HR of Hà Nội builds the annual plan on the demo data, reads why each seat,
// drops one seat (re-checked live), saves the edit as a new version and approves it (enrolments).
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser.js';

const session = useBrowserSession();

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
    await expect.poll(() => hr.getByTestId('planning-check').textContent()).toMatch(/Mọi giới hạn đều được bảo đảm/);
    await hr.getByTestId('planning-save').click();
    await expect.poll(() => hr.getByRole('heading', { level: 3 }).textContent()).toMatch(/Phương án 2 \(sửa tay\)/);

    await hr.getByTestId('planning-approve').click();
    await expect.poll(() => hr.getByTestId('planning-approved').textContent(), { timeout: 30_000 }).toMatch(/Đã phê duyệt phương án 2/);
  }, 180_000);
});
