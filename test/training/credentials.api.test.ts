import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issueAllPending } from '../../src/modules/training/credentials/issue.service.js';
import { signCredential } from '../../src/modules/training/credentials/signing.js';
import { complete, credentialsWorld } from './credentials-fixtures.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof credentialsWorld>>;
let credentialId: string;
let signed: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await credentialsWorld(t);
  await complete(t, { enrolmentId: w.enrolment.id, score: 73.25 });
});
afterAll(async () => {
  await t?.close();
});

const verify = async (credential: unknown, lang = 'vi') => {
  const res = await t.anonymous().post('/api/training/verify', { credential }, { 'accept-language': lang });
  expect(res.statusCode).toBe(200);
  return res.json<{ status: string; reasons: Array<{ code: string; message: string }>; credential: { personName: string } | null }>();
};

describe('issuing on completion', () => {
  test('training.completed leaves a pending credential in the completion’s transaction; the sweep signs it', async () => {
    const pending = await t.db.selectFrom('training_credentials').where('enrolment_id', '=', w.enrolment.id).selectAll().executeTakeFirstOrThrow();
    expect(pending.status).toBe('pending');
    const holder = await w.signIn(w.holderAccount);
    const early = await holder.get(`/api/training/credentials/${pending.id}/credential.json`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('credential_not_issued');

    expect(await issueAllPending(t.db)).toBe(1);
    expect(await issueAllPending(t.db)).toBe(0);
    const issued = await t.db.selectFrom('training_credentials').where('id', '=', pending.id).selectAll().executeTakeFirstOrThrow();
    expect(issued.status).toBe('issued');
    credentialId = issued.id;
    signed = issued.document!;
  });

  test('the credential is an Open Badges 3.0 achievement with the competencies and levels it attests, and no score', () => {
    expect(signed['type']).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(signed['id']).toBe(`urn:uuid:${credentialId}`);
    expect(signed['validFrom']).toBe('2026-03-06T09:00:00Z');
    const issuer = signed['issuer'] as Record<string, unknown>;
    expect(issuer).toMatchObject({ type: ['Profile'], name: 'Học viện Hành chính thử' });
    const subject = signed['credentialSubject'] as Record<string, any>;
    expect(subject.name).toBe('Trần Thị Chứng');
    expect(subject.achievement.criteria.narrative).toContain('80%');
    expect(subject.achievement.alignment.map((a: any) => [a.targetCode, a.targetName])).toEqual([
      ['C01', 'Năng lực thử 1 — cấp độ 3'],
      ['C02', 'Năng lực thử 2 — cấp độ 4'],
    ]);
    expect(JSON.stringify(signed)).not.toContain('73.25');
    expect(JSON.stringify(signed)).not.toMatch(/"(finalScore|score|result|attendance\w*)":/);
    expect(signed['proof']).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' });
  });

  test('the institution’s key is published as a controller document; the secret half is not', async () => {
    const res = await t.anonymous().get(`/api/training/verify/issuers/${w.issuing.id}/did.json`);
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.id).toBe((signed['issuer'] as { id: string }).id);
    expect(doc.assertionMethod).toEqual([(signed['proof'] as { verificationMethod: string }).verificationMethod]);
    expect(res.body).not.toContain('secretKey');
    expect((await t.anonymous().get(`/api/training/verify/issuers/${w.other.id}/did.json`)).statusCode).toBe(404);
  });
});

describe('verification', () => {
  test('a genuine credential verifies, with what it says', async () => {
    const answer = await verify(signed);
    expect(answer.status).toBe('genuine');
    expect(answer.credential?.personName).toBe('Trần Thị Chứng');
    expect((await verify(JSON.stringify(signed))).status).toBe('genuine');
  });

  test('a one-byte change of the signed document is tampered', async () => {
    const text = JSON.stringify(signed).replace('Trần Thị Chứng', 'Trần Thị Chứnh');
    const answer = await verify(text, 'en');
    expect(answer.status).toBe('tampered');
    expect(answer.reasons[0]!.code).toBe('signature_invalid');
    expect(answer.reasons[0]!.message).toMatch(/changed after signing/);
    expect(answer.credential).toBeNull();
    const date = JSON.parse(JSON.stringify(signed).replace('2026-03-06T09', '2026-03-07T09'));
    expect((await verify(date)).status).toBe('tampered');
  });

  test('signed by another key: tampered when it claims ours, invalid when it names its own', async () => {
    const unsigned = { ...signed };
    delete unsigned['proof'];
    const issuerId = (signed['issuer'] as { id: string }).id;
    const foreign = await Ed25519Multikey.generate({ controller: issuerId });
    const claimed = (signed['proof'] as { verificationMethod: string }).verificationMethod;
    const forged = await signCredential(unsigned, {
      controller: issuerId,
      keyId: claimed,
      publicKeyMultibase: foreign.publicKeyMultibase,
      secretKeyMultibase: foreign.secretKeyMultibase!,
    });
    expect((await verify(forged)).status).toBe('tampered');
    const own = await signCredential(unsigned, {
      controller: issuerId,
      keyId: `${issuerId}#${foreign.publicKeyMultibase}`,
      publicKeyMultibase: foreign.publicKeyMultibase,
      secretKeyMultibase: foreign.secretKeyMultibase!,
    });
    const answer = await verify(own);
    expect(answer).toMatchObject({ status: 'invalid', reasons: [{ code: 'unknown_issuer_key' }] });
  });

  test('bad input is a clear answer, never a 500', async () => {
    const cases: Array<[unknown, string]> = [
      ['{not json', 'malformed_json'],
      [{ '@context': 'https://example.org/ctx', hello: 'world' }, 'not_a_credential'],
      [{ ...signed, '@context': ['https://www.w3.org/ns/credentials/v2', 'https://evil.example/context.json'] }, 'unknown_context'],
      [{ ...signed, proof: undefined }, 'no_proof'],
      [{ ...signed, proof: { ...(signed['proof'] as object), cryptosuite: 'ecdsa-rdfc-2019' } }, 'unsupported_proof'],
      [{ ...signed, extra: { '@type': 'x' } }, 'malformed_json_ld'],
      [{ ...signed, issuer: { id: 'did:web:example.org' } }, 'issuer_mismatch'],
      ['[1, 2, 3]', 'not_a_credential'],
    ];
    for (const [credential, reason] of cases) {
      const answer = await verify(credential);
      expect([answer.status, answer.reasons[0]?.code], JSON.stringify(credential).slice(0, 80)).toEqual([
        reason === 'issuer_mismatch' ? 'tampered' : 'invalid',
        reason,
      ]);
      expect(answer.reasons[0]!.message.length).toBeGreaterThan(10);
    }
    for (const credential of [42, {}, { hello: 'world' }, '']) expect((await t.anonymous().post('/api/training/verify', { credential })).statusCode).toBe(400);
  });

  test('verification never touches the network: every fetch fails and nothing calls it', async () => {
    const realFetch = globalThis.fetch;
    let calls = 0;
    globalThis.fetch = () => {
      calls += 1;
      return Promise.reject(new Error('network unreachable'));
    };
    try {
      expect((await verify(signed)).status).toBe('genuine');
      expect((await verify({ ...signed, '@context': ['https://www.w3.org/ns/credentials/v2', 'https://example.org/ctx'] })).status).toBe('invalid');
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(calls).toBe(0);
  });
});

describe('downloads, scope and revocation', () => {
  test('the holder downloads the JSON (it verifies) and the PDF with a QR code to the verification page', async () => {
    const holder = await w.signIn(w.holderAccount);
    const json = await holder.get(`/api/training/credentials/${credentialId}/credential.json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toContain('application/ld+json');
    expect((await verify(json.body)).status).toBe('genuine');
    const pdf = await holder.get(`/api/training/credentials/${credentialId}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    const bytes = pdf.rawPayload.toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    expect(bytes).toMatch(/\/Type \/Page\b/);
    expect(bytes).toMatch(/\/Subtype \/Image/);
  });

  test('who sees a certificate: the holder, HR and leaders up the tree, the issuing institution, a national administrator', async () => {
    const sees = async (a: { username: string; password: string }) => {
      const agent = await w.signIn(a);
      const list = (await agent.get('/api/training/credentials')).json<{ items: Array<{ id: string }> }>();
      const detail = await agent.get(`/api/training/credentials/${credentialId}`);
      const pdf = await agent.get(`/api/training/credentials/${credentialId}/certificate.pdf`);
      const listed = list.items.some((i) => i.id === credentialId);
      expect(detail.statusCode === 200, a.username).toBe(listed);
      expect(pdf.statusCode).toBe(listed ? 200 : 404);
      return listed;
    };
    expect(await sees(w.holderAccount)).toBe(true);
    expect(await sees(w.hr)).toBe(true);
    expect(await sees(w.ministryHr)).toBe(true);
    expect(await sees(w.leader)).toBe(true);
    expect(await sees(w.issuing.staff)).toBe(true);
    expect(await sees(w.admin)).toBe(true);
    expect(await sees(w.colleagueAccount)).toBe(false);
    expect(await sees(w.otherHr)).toBe(false);
    expect(await sees(w.other.staff)).toBe(false);
    const mine = (await (await w.signIn(w.hr)).get('/api/training/credentials?mine=true')).json();
    expect(mine.total).toBe(0);
  });

  test('anyone with the id sees what the credential says and its status, no agency data', async () => {
    const res = await t.anonymous().get(`/api/training/verify/${credentialId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'genuine', credential: { personName: 'Trần Thị Chứng', issuerName: 'Học viện Hành chính thử' } });
    expect(res.body).not.toContain(w.department.name);
    expect(res.body).not.toContain(w.department.id);
    expect((await t.anonymous().get(`/api/training/verify/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  test('revocation: HR and another institution cannot; the issuing institution can, audited; it then verifies as revoked', async () => {
    const path = `/api/training/credentials/${credentialId}/revoke`;
    expect((await (await w.signIn(w.hr)).post(path, { reason: 'Sai thông tin' })).statusCode).toBe(403);
    expect((await (await w.signIn(w.other.staff)).post(path, { reason: 'Sai thông tin' })).statusCode).toBe(404);
    const trainer = await w.signIn(w.issuing.staff);
    expect((await trainer.post(path, { reason: '' })).statusCode).toBe(400);
    const res = await trainer.post(path, { reason: 'Kết quả cuối khóa bị hủy' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('revoked');
    expect((await trainer.post(path, { reason: 'lần hai' })).json().error.code).toBe('credential_already_revoked');
    const audit = await t.db.selectFrom('audit_log').where('entity', '=', 'training_credential').where('action', '=', 'revoke').selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(w.issuing.staff.userId);
    const answer = await verify(signed);
    expect(answer).toMatchObject({ status: 'revoked', reasons: [{ code: 'revoked' }] });
    expect((await t.anonymous().get(`/api/training/verify/${credentialId}`)).json().status).toBe('revoked');
  });
});
