// Item 14 follow-up: the certificates' host is a setting, and the institutions' signing keys are encrypted at rest.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issueAllPending, issuePendingCredential } from '../../src/modules/training/credentials/issue.service.js';
import { encryptLegacyKeys } from '../../src/modules/training/credentials/signing.js';
import { decryptSecretKey } from '../../src/modules/training/credentials/key-encryption.js';
import { readCredentialSettings } from '../../src/platform/config.js';
import { AppError } from '../../src/platform/errors.js';
import { complete, credentialsWorld, enrol } from './credentials-fixtures.js';
import { person } from '../support/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof credentialsWorld>>;
const saved = { host: process.env['CREDENTIAL_HOST'], secret: process.env['CREDENTIAL_KEY_SECRET'] };

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await credentialsWorld(t);
});
afterAll(async () => {
  await t?.close();
});
afterEach(() => {
  for (const [name, value] of [
    ['CREDENTIAL_HOST', saved.host],
    ['CREDENTIAL_KEY_SECRET', saved.secret],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** A newly completed enrolment of the world's course, its pending credential's id. */
async function completedCredential(): Promise<string> {
  const trainee = await person(t, { agency: w.department });
  const enrolment = await enrol(t, { sessionId: w.session.id, person: trainee });
  await complete(t, { enrolmentId: enrolment.id });
  const row = await t.db.selectFrom('training_credentials').where('enrolment_id', '=', enrolment.id).select('id').executeTakeFirstOrThrow();
  return row.id;
}

const documentOf = async (id: string) =>
  (await t.db.selectFrom('training_credentials').where('id', '=', id).select('document').executeTakeFirstOrThrow()).document!;
const verify = async (credential: unknown) => (await t.anonymous().post('/api/training/verify', { credential })).json<{ status: string }>().status;
const keys = () => t.db.selectFrom('training_issuer_keys').where('institution_id', '=', w.issuing.id).selectAll().orderBy('created_at').execute();

describe('signing keys at rest', () => {
  test('the stored private key is AES-256-GCM ciphertext, not the key; it decrypts with the secret to the key that signs', async () => {
    await complete(t, { enrolmentId: w.enrolment.id });
    expect(await issueAllPending(t.db)).toBe(1);
    const [key] = await keys();
    expect(key!.secret_key_multibase).toMatch(/^aes256gcm:/);
    const plain = decryptSecretKey(key!.secret_key_multibase, key!.key_id, readCredentialSettings().keySecret);
    expect(plain).toMatch(/^z/);
    expect(key!.secret_key_multibase).not.toContain(plain);
    // Bound to its row: the same ciphertext under another key id does not decrypt.
    expect(() => decryptSecretKey(key!.secret_key_multibase, `${key!.key_id}x`, readCredentialSettings().keySecret)).toThrow(AppError);
  });

  test('a legacy plaintext key still signs, and is re-encrypted (on use and by the sweep)', async () => {
    const [key] = await keys();
    const kek = readCredentialSettings().keySecret;
    const plain = decryptSecretKey(key!.secret_key_multibase, key!.key_id, kek);
    await t.db.updateTable('training_issuer_keys').set({ secret_key_multibase: plain }).where('key_id', '=', key!.key_id).execute();
    expect(await encryptLegacyKeys(t.db)).toBe(1);
    expect(await encryptLegacyKeys(t.db)).toBe(0);
    await t.db.updateTable('training_issuer_keys').set({ secret_key_multibase: plain }).where('key_id', '=', key!.key_id).execute();
    const id = await completedCredential();
    expect(await issuePendingCredential(t.db, id)).toBe('issued');
    const [after] = await keys();
    expect(after!.secret_key_multibase).toMatch(/^aes256gcm:/);
    expect(decryptSecretKey(after!.secret_key_multibase, after!.key_id, kek)).toBe(plain);
    expect(await verify(await documentOf(id))).toBe('genuine');
  });

  test('a wrong secret is a clear error naming the setting (503, not 500); nothing is signed, and verification still works', async () => {
    const before = await t.db.selectFrom('training_credentials').where('status', '=', 'issued').select('id').executeTakeFirstOrThrow();
    const id = await completedCredential();
    process.env['CREDENTIAL_KEY_SECRET'] = Buffer.alloc(32, 9).toString('base64');
    const error = await issuePendingCredential(t.db, id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'credential_key_secret_wrong', status: 503 });
    expect((await t.db.selectFrom('training_credentials').where('id', '=', id).select('status').executeTakeFirstOrThrow()).status).toBe('pending');
    expect(await verify(await documentOf(before.id))).toBe('genuine');
    delete process.env['CREDENTIAL_KEY_SECRET'];
    expect(await issuePendingCredential(t.db, id)).toBe('issued');
  });
});

describe('CREDENTIAL_HOST', () => {
  test('new certificates carry the configured host; those issued before keep theirs and still verify', async () => {
    const old = await t.db.selectFrom('training_credentials').where('status', '=', 'issued').select('id').executeTakeFirstOrThrow();
    const oldDocument = await documentOf(old.id);
    expect((oldDocument['issuer'] as { id: string }).id).toMatch(/^did:web:nangluc\.gov\.vn:/);

    process.env['CREDENTIAL_HOST'] = 'daotao.hanoi.gov.vn';
    const id = await completedCredential();
    expect(await issuePendingCredential(t.db, id)).toBe('issued');
    const fresh = await documentOf(id);
    expect((fresh['issuer'] as { id: string }).id).toBe(`did:web:daotao.hanoi.gov.vn:api:training:verify:issuers:${w.issuing.id}`);
    expect(JSON.stringify(fresh)).toContain('https://daotao.hanoi.gov.vn/ims/case/v1p1/CFItems/');
    expect(await verify(fresh)).toBe('genuine');
    expect(await verify(oldDocument)).toBe('genuine');

    // The key of the old host is retired, not reused; the new host's controller document lists only its own key.
    const all = await keys();
    expect(all.map((k) => [k.controller.split(':')[2], k.retired_at === null])).toEqual([
      ['nangluc.gov.vn', false],
      ['daotao.hanoi.gov.vn', true],
    ]);
    const did = (await t.anonymous().get(`/api/training/verify/issuers/${w.issuing.id}/did.json`)).json<{ assertionMethod: string[] }>();
    expect(did.assertionMethod).toEqual([(fresh['proof'] as { verificationMethod: string }).verificationMethod]);

    // Back to the first host: every certificate still verifies.
    delete process.env['CREDENTIAL_HOST'];
    expect(await verify(oldDocument)).toBe('genuine');
    expect(await verify(fresh)).toBe('genuine');
  });
});
