import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { isKnownContext, localDocumentLoader, VC_V2_CONTEXT, type IssuerPublicKey } from './document-loader.js';
import { credentialIdOfUrn } from './identifiers.js';

export type VerificationStatus = 'genuine' | 'revoked' | 'tampered' | 'invalid';

/** Why a credential is not genuine; each has a message in vi and en (verification-messages.ts). */
export type VerificationReason =
  | 'malformed_json'
  | 'not_a_credential'
  | 'unknown_context'
  | 'no_proof'
  | 'unsupported_proof'
  | 'unknown_issuer_key'
  | 'issuer_mismatch'
  | 'signature_invalid'
  | 'malformed_json_ld'
  | 'revoked';

export interface VerificationOutcome {
  status: VerificationStatus;
  reasons: VerificationReason[];
  /** Our record of it when the signature holds and we issued it. */
  credentialId: string | null;
  revokedAt: Date | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const invalid = (reason: VerificationReason): VerificationOutcome => ({ status: 'invalid', reasons: [reason], credentialId: null, revokedAt: null });

/** The proof's key, if it is one of ours (retired keys still verify what they signed). */
async function issuerKey(db: Kysely<Database>, keyId: string): Promise<IssuerPublicKey | undefined> {
  return db
    .selectFrom('training_issuer_keys')
    .where('key_id', '=', keyId)
    .select(['controller', 'key_id as keyId', 'public_key_multibase as publicKeyMultibase'])
    .executeTakeFirst();
}

/** Errors of the JSON-LD processor (safe mode: a term no context defines, a bad @context...), as opposed to a wrong signature. */
function isJsonLdError(error: { name?: string; message?: string } | undefined): boolean {
  const name = error?.name ?? '';
  const message = error?.message ?? '';
  return name.startsWith('jsonld.') || /safe mode|invalid (json-ld|@context|context)|jsonld/i.test(message);
}

function flattenErrors(result: Awaited<ReturnType<typeof vc.verifyCredential>>): Array<{ name?: string; message?: string }> {
  const errors: Array<{ name?: string; message?: string }> = [];
  if (result.error) errors.push(result.error, ...(result.error.errors ?? []));
  for (const r of result.results ?? []) if (r.error) errors.push(r.error);
  return errors;
}

/**
 * Is this credential one we issued, unchanged and not revoked? Never throws for bad input: a forged,
 * altered or malformed document is an outcome, not an error. Nothing is fetched (local loader).
 */
export async function verifyCredential(db: Kysely<Database>, input: unknown): Promise<VerificationOutcome> {
  if (!isRecord(input)) return invalid('not_a_credential');
  const contexts = Array.isArray(input['@context']) ? input['@context'] : [input['@context']];
  if (contexts[0] !== VC_V2_CONTEXT) return invalid('not_a_credential');
  if (!contexts.every((c) => typeof c === 'string' && isKnownContext(c))) return invalid('unknown_context');
  const proof = input['proof'];
  if (proof === undefined) return invalid('no_proof');
  if (!isRecord(proof) || typeof proof['verificationMethod'] !== 'string') return invalid('unsupported_proof');
  if (proof['type'] !== 'DataIntegrityProof' || proof['cryptosuite'] !== 'eddsa-rdfc-2022') return invalid('unsupported_proof');
  const key = await issuerKey(db, proof['verificationMethod']);
  if (!key) return invalid('unknown_issuer_key');
  const issuer = input['issuer'];
  const issuerId = typeof issuer === 'string' ? issuer : isRecord(issuer) ? issuer['id'] : undefined;
  if (issuerId !== key.controller) return { status: 'tampered', reasons: ['issuer_mismatch'], credentialId: null, revokedAt: null };

  let result: Awaited<ReturnType<typeof vc.verifyCredential>>;
  try {
    const suite = new DataIntegrityProof({ cryptosuite });
    result = await vc.verifyCredential({ credential: input, suite, documentLoader: localDocumentLoader([key]) });
  } catch (error) {
    // verifyCredential reports most failures in its result; what it throws is the document's shape.
    return invalid(isJsonLdError(error as Error) ? 'malformed_json_ld' : 'not_a_credential');
  }
  if (!result.verified) {
    const errors = flattenErrors(result);
    if (errors.some((e) => e.name === 'UnknownDocumentError' || /not available locally/.test(e.message ?? ''))) return invalid('unknown_context');
    if (errors.some((e) => /invalid signature/i.test(e.message ?? '')))
      return { status: 'tampered', reasons: ['signature_invalid'], credentialId: null, revokedAt: null };
    if (errors.some(isJsonLdError)) return invalid('malformed_json_ld');
    // A proof that names our key but does not hold (another key signed it, the proof itself was edited).
    return { status: 'tampered', reasons: ['signature_invalid'], credentialId: null, revokedAt: null };
  }

  const credentialId = credentialIdOfUrn(input['id']);
  const row = credentialId
    ? await db.selectFrom('training_credentials').where('id', '=', credentialId).select(['id', 'status', 'revoked_at']).executeTakeFirst()
    : undefined;
  if (row?.status === 'revoked') return { status: 'revoked', reasons: ['revoked'], credentialId: row.id, revokedAt: row.revoked_at };
  return { status: 'genuine', reasons: [], credentialId: row?.id ?? null, revokedAt: null };
}
