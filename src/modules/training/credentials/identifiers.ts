import { readCredentialSettings } from '../../../platform/config.js';

/**
 * The identifiers a credential carries. They are signed into every credential: the issuer is a did:web DID
 * on the deployment's public host (the CREDENTIAL_HOST setting), whose controller document is served by
 * this application (GET /api/training/verify/issuers/:id/did.json, where did:web resolution looks for it).
 * Our own verifier never resolves them over the network: it builds the document from the key table
 * (document-loader.ts), whose rows keep the controller they were made under, so a credential issued before
 * the host changed still verifies; a key of the old host is retired, not reused (signing.ts).
 */
export function credentialHost(): string {
  return readCredentialSettings().host;
}

export function issuerDid(institutionId: string, host = credentialHost()): string {
  return `did:web:${host}:api:training:verify:issuers:${institutionId}`;
}

export function credentialUrn(credentialId: string): string {
  return `urn:uuid:${credentialId}`;
}

export function credentialIdOfUrn(urn: unknown): string | null {
  if (typeof urn !== 'string') return null;
  const match = /^urn:uuid:([0-9a-f-]{36})$/.exec(urn);
  return match ? match[1]! : null;
}

/** The public verification page of a credential (the QR code on the PDF), on the origin the PDF was asked from. */
export function verificationPageUrl(origin: string, credentialId: string): string {
  return `${origin.replace(/\/$/, '')}/verify/${credentialId}`;
}
