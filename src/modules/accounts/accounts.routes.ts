import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.js';
import { noContent } from '../../platform/http/response-types.js';
import { pickLanguage } from '../../platform/i18n/language.js';
import { createAccountsForPeople } from './accounts.bulk.js';
import {
  account,
  accountCreateBody,
  bulkAccountsAnswer,
  bulkAccountsBody,
  accountList,
  accountListQuery,
  accountUpdateBody,
  passwordResetBody,
} from './accounts.schema.js';
import { createAccount, listAccounts, resetPassword, updateAccount } from './accounts.service.js';

/** Account management: national administrators everywhere, HR officers in their subtree (accounts.policy.ts). */
const MANAGERS = { roles: ['national_admin', 'hr_officer'] } as const;
const idParams = z.strictObject({ id: z.uuid() });
const tags = ['accounts'];

export async function accountsRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/',
    {
      config: { access: MANAGERS },
      schema: { tags, summary: 'Sign-in accounts in the caller’s scope', querystring: accountListQuery, response: { 200: accountList } },
    },
    async (request) => listAccounts(app.db, request.actor!, request.query),
  );

  app.post(
    '/',
    { config: { access: MANAGERS }, schema: { tags, summary: 'Create an account with a first password', body: accountCreateBody, response: { 201: account } } },
    async (request, reply) => reply.code(201).send(await createAccount(app.db, request.actor!, request.body)),
  );

  app.post(
    '/bulk',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Create accounts for people of the register (a selection, or everyone of an agency without one) with generated first passwords',
        body: bulkAccountsBody,
        response: { 201: bulkAccountsAnswer },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createAccountsForPeople(app.db, request.actor!, request.body, pickLanguage(request.headers['accept-language']))),
  );

  app.patch(
    '/:id',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Change name, role, agency, linked person or active (ends its sessions when rights change)',
        params: idParams,
        body: accountUpdateBody,
        response: { 200: account },
      },
    },
    async (request) => updateAccount(app.db, request.actor!, request.params.id, request.body),
  );

  app.post(
    '/:id/password',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Set a new password for the account (ends its sessions)',
        params: idParams,
        body: passwordResetBody,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await resetPassword(app.db, request.actor!, request.params.id, request.body.password);
      return reply.code(204).send();
    },
  );
}
