import { PUBLIC_HOST } from '../../framework/case-identity.js';

/**
 * The identifiers a credential carries. They are signed into every credential, so they must never change
 * once credentials are issued: the issuer is a did:web DID on the deployment's public host, whose
 * controller document is served by this application (GET /api/training/verify/issuers/:id/did.json,
 * where did:web resolution looks for it). Our own verifier never resolves them over the network: it
 * builds the document from the key table (document-loader.ts).
 *
 * Production: set the public host once, before the first credential (CREDENTIAL_HOST), to the domain the
 * application is served on; the demo uses the product's name as a placeholder domain.
 */
export const CREDENTIAL_HOST = PUBLIC_HOST;

const DID_PREFIX = `did:web:${CREDENTIAL_HOST}:api:training:verify:issuers:`;

export function issuerDid(institutionId: string): string {
  return `${DID_PREFIX}${institutionId}`;
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
