import { expect, test } from 'vitest';
import type { TestApp } from '../support/test-app.js';
import { useBrowserSession } from './browser.js';
import { complete, credentialsWorld } from '../training/credentials-fixtures.js';

// A certificate issued on completion (the server's own job queue signs it), its public verification page
// without signing in, a pasted altered copy, and the holder's "my certificates".
let credentialId = '';
let document: Record<string, unknown> = {};
let holder = { username: '', password: '' };

const session = useBrowserSession({
  async afterStart(server) {
    // The fixtures need only a database and, for sign-ins, nothing here: the browser signs in.
    const t = { db: server.app.db, signIn: () => Promise.reject(new Error('sign in through the browser')) } as unknown as TestApp;
    const w = await credentialsWorld(t);
    holder = w.holderAccount;
    await complete(t, { enrolmentId: w.enrolment.id });
    const end = Date.now() + 30_000;
    for (;;) {
      const row = await server.app.db
        .selectFrom('training_credentials')
        .where('enrolment_id', '=', w.enrolment.id)
        .select(['id', 'status', 'document'])
        .executeTakeFirstOrThrow();
      if (row.status === 'issued') {
        credentialId = row.id;
        document = row.document!;
        break;
      }
      if (Date.now() > end) throw new Error('the certificate was not issued');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  },
});

test('anyone opens the verification page of a shared certificate and checks a pasted copy', async () => {
  const page = await session.newPage();
  await page.goto(`${session.server.url}/verify/${credentialId}`);
  const outcome = page.getByTestId('verify-outcome').first();
  await outcome.waitFor();
  expect(await outcome.getAttribute('data-status')).toBe('genuine');
  expect(await outcome.textContent()).toContain('Trần Thị Chứng');
  await page.getByTestId('verify-paste').fill(JSON.stringify(document).replace('Trần Thị Chứng', 'Trần Thị Chứnh'));
  await page.getByTestId('verify-submit').click();
  await page.locator('[data-testid="verify-outcome"][data-status="tampered"]').waitFor();
});

test('the holder sees the certificate under my certificates, with its downloads', async () => {
  const page = await session.newPage();
  await page.goto(`${session.server.url}/training/certificates`);
  await session.signIn(page, holder.username, holder.password);
  const table = page.getByTestId('certificates-table');
  await table.waitFor();
  expect(await table.textContent()).toContain('Học viện Hành chính thử');
  expect(await page.locator(`a[href="/api/training/credentials/${credentialId}/certificate.pdf"]`).count()).toBe(1);
});
