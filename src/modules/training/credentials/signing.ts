import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { localDocumentLoader } from './document-loader.js';
import { issuerDid } from './identifiers.js';

export interface IssuerKey {
  controller: string;
  keyId: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}

/**
 * The institution's current signing key, generated on first use. Two issuers racing for the first key:
 * the partial unique index keeps one, and both read it back.
 */
export async function currentIssuerKey(db: Kysely<Database>, institutionId: string): Promise<IssuerKey> {
  const read = () =>
    db
      .selectFrom('training_issuer_keys')
      .where('institution_id', '=', institutionId)
      .where('retired_at', 'is', null)
      .select(['controller', 'key_id as keyId', 'public_key_multibase as publicKeyMultibase', 'secret_key_multibase as secretKeyMultibase'])
      .executeTakeFirst();
  const existing = await read();
  if (existing) return existing;
  const controller = issuerDid(institutionId);
  const pair = await Ed25519Multikey.generate({ controller });
  const keyId = `${controller}#${pair.publicKeyMultibase}`;
  await db
    .insertInto('training_issuer_keys')
    .values({
      institution_id: institutionId,
      controller,
      key_id: keyId,
      public_key_multibase: pair.publicKeyMultibase,
      secret_key_multibase: pair.secretKeyMultibase!,
    })
    .onConflict((oc) => oc.column('institution_id').where('retired_at', 'is', null).doNothing())
    .execute();
  const stored = await read();
  if (!stored) throw new Error(`no signing key for institution ${institutionId}`);
  return stored;
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
