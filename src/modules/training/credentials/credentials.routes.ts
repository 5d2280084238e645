import { z } from 'zod';
import type { AppInstance } from '../../../platform/http/types.js';
import { fileResponse } from '../../../platform/http/response-types.js';
import { sendFile } from '../send-file.js';
import { pickLanguage, type Language } from '../../../platform/i18n/language.js';
import { notFound } from '../../../platform/errors.js';
import * as schema from './credentials.schema.js';
import { getCredential, issuedDocument, listCredentials, publicCredential, revokeCredential } from './credentials.service.js';
import { certificatePdf } from './certificate.pdf.js';
import { summariseCredential } from './open-badge.js';
import { verifyCredential, type VerificationOutcome } from './verify.js';
import { verificationMessage } from './verification-messages.js';
import { controllerDocument } from './document-loader.js';
import { issuerDid, verificationPageUrl } from './identifiers.js';

const tags = ['training'];
const idParams = z.strictObject({ id: z.uuid() });

function answer(outcome: VerificationOutcome, document: unknown, language: Language) {
  const trusted = outcome.status === 'genuine' || outcome.status === 'revoked';
  return {
    status: outcome.status,
    reasons: outcome.reasons.map((code) => ({ code, message: verificationMessage(code, language) })),
    credential: trusted ? summariseCredential(document) : null,
    credentialId: outcome.credentialId,
    revokedAt: outcome.revokedAt,
  };
}

/** The origin the caller reached us on: the QR code of a PDF points at this deployment's verification page. */
const originOf = (request: { protocol: string; host: string }) => `${request.protocol}://${request.host}`;

/** Certificates (Open Badges 3.0 verifiable credentials): the holder's, HR's and the institution's views. */
export async function credentialsRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/credentials',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Certificates the caller may read (own; HR/leader: agency subtree; trainer: issued by their institution)',
        querystring: schema.credentialListQuery,
        response: { 200: schema.credentialList },
      },
    },
    async (request) => listCredentials(app.db, request.actor!, { ...request.query, mine: request.query.mine === 'true' }),
  );

  app.get(
    '/credentials/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'One certificate with its signed document', params: idParams, response: { 200: schema.credentialDetail } },
    },
    async (request) => getCredential(app.db, request.actor!, request.params.id),
  );

  app.get(
    '/credentials/:id/credential.json',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Download the signed credential (Open Badges 3.0, JSON-LD)',
        params: idParams,
        response: { 200: fileResponse('application/ld+json', 'The signed credential') },
      },
    },
    async (request, reply) => {
      const { credential, document } = await issuedDocument(app.db, request.actor!, request.params.id);
      const name = `chung-chi-${credential.courseCode}-${credential.id.slice(0, 8)}.json`;
      return sendFile(reply, { contentType: 'application/ld+json', disposition: 'attachment', name, body: Buffer.from(JSON.stringify(document, null, 2)) });
    },
  );

  app.get(
    '/credentials/:id/certificate.pdf',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The certificate as a PDF with a QR code to its verification page',
        params: idParams,
        response: { 200: fileResponse('application/pdf', 'The certificate') },
      },
    },
    async (request, reply) => {
      const { credential, document } = await issuedDocument(app.db, request.actor!, request.params.id);
      const pdf = await certificatePdf(summariseCredential(document), {
        verifyUrl: verificationPageUrl(originOf(request), credential.id),
        status: credential.status,
      });
      return sendFile(reply, {
        contentType: 'application/pdf',
        disposition: 'inline',
        name: `chung-chi-${credential.courseCode}-${credential.id.slice(0, 8)}.pdf`,
        body: pdf,
      });
    },
  );

  app.post(
    '/credentials/:id/revoke',
    {
      config: { access: { roles: ['trainer', 'national_admin'] } },
      schema: {
        tags,
        summary: 'Revoke a certificate with a reason (the issuing institution or a national administrator)',
        params: idParams,
        body: schema.revokeBody,
        response: { 200: schema.credentialList.shape.items.element },
      },
    },
    async (request) => revokeCredential(app.db, request.actor!, request.params.id, request.body.reason),
  );

  app.post(
    '/verify',
    {
      config: { access: 'public' },
      bodyLimit: 1_100_000,
      schema: {
        tags,
        summary: 'Check a credential: genuine, revoked, tampered or invalid, with reasons (public; nothing is fetched from the network)',
        body: schema.verifyBody,
        response: { 200: schema.verificationAnswer },
      },
    },
    async (request) => {
      const language = pickLanguage(request.headers['accept-language']);
      let document: unknown = request.body.credential;
      if (typeof document === 'string') {
        try {
          document = JSON.parse(document);
        } catch {
          return answer({ status: 'invalid', reasons: ['malformed_json'], credentialId: null, revokedAt: null }, null, language);
        }
      }
      return answer(await verifyCredential(app.db, document), document, language);
    },
  );

  app.get(
    '/verify/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A shared certificate as the public verification page shows it (no agency data)',
        params: idParams,
        response: { 200: schema.publicCredentialAnswer },
      },
    },
    async (request) => {
      const { outcome, document } = await publicCredential(app.db, request.params.id);
      return { ...answer(outcome, document, pickLanguage(request.headers['accept-language'])), document };
    },
  );

  app.get(
    '/verify/issuers/:id/did.json',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'An institution’s controller document (did:web): its public keys',
        params: idParams,
        response: { 200: schema.controllerDocumentAnswer },
      },
    },
    async (request) => {
      const controller = issuerDid(request.params.id);
      const keys = await app.db
        .selectFrom('training_issuer_keys')
        .where('institution_id', '=', request.params.id)
        // Keys made under an earlier CREDENTIAL_HOST belong to that host's DID, not to this one.
        .where('controller', '=', controller)
        .select(['controller', 'key_id as keyId', 'public_key_multibase as publicKeyMultibase'])
        .orderBy('created_at')
        .execute();
      if (keys.length === 0) throw notFound();
      return controllerDocument(controller, keys);
    },
  );
}
