import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { localDocumentLoader } from './document-loader.js';
import { readCredentialSettings } from '../../../platform/config.js';
import { issuerDid } from './identifiers.js';
import { decryptSecretKey, encryptSecretKey, isEncryptedSecretKey } from './key-encryption.js';

export interface IssuerKey {
  controller: string;
  keyId: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}

interface StoredKey {
  controller: string;
  keyId: string;
  publicKeyMultibase: string;
  storedSecret: string;
}

function readCurrentKey(db: Kysely<Database>, institutionId: string): Promise<StoredKey | undefined> {
  return db
    .selectFrom('training_issuer_keys')
    .where('institution_id', '=', institutionId)
    .where('retired_at', 'is', null)
    .select(['controller', 'key_id as keyId', 'public_key_multibase as publicKeyMultibase', 'secret_key_multibase as storedSecret'])
    .executeTakeFirst();
}

/** A legacy plaintext row gets its encrypted form (the WHERE keeps a concurrent rewrite from being undone). */
async function encryptLegacyKey(db: Kysely<Database>, key: StoredKey, kek: Buffer): Promise<void> {
  if (isEncryptedSecretKey(key.storedSecret)) return;
  await db
    .updateTable('training_issuer_keys')
    .set({ secret_key_multibase: encryptSecretKey(key.storedSecret, key.keyId, kek) })
    .where('key_id', '=', key.keyId)
    .where('secret_key_multibase', '=', key.storedSecret)
    .execute();
}

/** Every plaintext key left from before encryption, retired ones too (the sweep job runs it). */
export async function encryptLegacyKeys(db: Kysely<Database>): Promise<number> {
  const kek = readCredentialSettings().keySecret;
  const rows = await db
    .selectFrom('training_issuer_keys')
    .where('secret_key_multibase', 'not like', 'aes256gcm:%')
    .select(['controller', 'key_id as keyId', 'public_key_multibase as publicKeyMultibase', 'secret_key_multibase as storedSecret'])
    .execute();
  for (const row of rows) await encryptLegacyKey(db, row, kek);
  return rows.length;
}

/**
 * The institution's current signing key, generated on first use and stored encrypted. Two issuers racing
 * for the first key: the partial unique index keeps one, and both read it back. A key made under another
 * CREDENTIAL_HOST is retired (it still verifies what it signed) and a new one made under the current host.
 */
export async function currentIssuerKey(db: Kysely<Database>, institutionId: string): Promise<IssuerKey> {
  const { keySecret: kek, host } = readCredentialSettings();
  const controller = issuerDid(institutionId, host);
  const existing = await readCurrentKey(db, institutionId);
  if (existing && existing.controller !== controller) {
    await db.updateTable('training_issuer_keys').set({ retired_at: new Date() }).where('key_id', '=', existing.keyId).where('retired_at', 'is', null).execute();
  }
  if (!existing || existing.controller !== controller) {
    const pair = await Ed25519Multikey.generate({ controller });
    const keyId = `${controller}#${pair.publicKeyMultibase}`;
    await db
      .insertInto('training_issuer_keys')
      .values({
        institution_id: institutionId,
        controller,
        key_id: keyId,
        public_key_multibase: pair.publicKeyMultibase,
        secret_key_multibase: encryptSecretKey(pair.secretKeyMultibase!, keyId, kek),
      })
      .onConflict((oc) => oc.column('institution_id').where('retired_at', 'is', null).doNothing())
      .execute();
  }
  const stored = existing?.controller === controller ? existing : await readCurrentKey(db, institutionId);
  if (!stored) throw new Error(`no signing key for institution ${institutionId}`);
  const secretKeyMultibase = decryptSecretKey(stored.storedSecret, stored.keyId, kek);
  await encryptLegacyKey(db, stored, kek);
  return { controller: stored.controller, keyId: stored.keyId, publicKeyMultibase: stored.publicKeyMultibase, secretKeyMultibase };
}

// Importing a key costs little, but 1,000 certificates of one institution should not import it 1,000 times.
const signers = new Map<string, Promise<Ed25519Multikey.Ed25519KeyPair>>();

function keyPair(key: IssuerKey): Promise<Ed25519Multikey.Ed25519KeyPair> {
  // Keyed by the public key too: a key id names one key in our table, but a caller may pass any pair.
  const cacheKey = `${key.keyId} ${key.publicKeyMultibase}`;
  let pair = signers.get(cacheKey);
  if (!pair) {
    pair = Ed25519Multikey.from({
      id: key.keyId,
      controller: key.controller,
      type: 'Multikey',
      publicKeyMultibase: key.publicKeyMultibase,
      secretKeyMultibase: key.secretKeyMultibase,
    });
    signers.set(cacheKey, pair);
  }
  return pair;
}

/** Sign with Data Integrity eddsa-rdfc-2022 (needs no database: call it outside any transaction). */
export async function signCredential(credential: Record<string, unknown>, key: IssuerKey, created?: Date): Promise<Record<string, unknown>> {
  const pair = await keyPair(key);
  const suite = new DataIntegrityProof({ signer: pair.signer(), cryptosuite, ...(created ? { date: created } : {}) });
  return vc.issue({ credential: structuredClone(credential), suite, documentLoader: localDocumentLoader([key]) });
}
