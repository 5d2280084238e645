import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.js';
import { fileResponse, noContent } from '../../platform/http/response-types.js';
import { pickLanguage } from '../../platform/i18n/language.js';
import { contentDisposition } from '../../platform/export/spreadsheet-safe.js';
import { listCampaigns, postsOf, stagesOf } from './campaigns.repository.js';
import { campaignDetail, createCampaign, moveCampaign, updateCampaign, visibleCampaign } from './campaigns.service.js';
import { noticePdf } from './notice.pdf.js';
import { campaignBody, campaignDetail as campaignDetailSchema, campaignList, idParams, transitionParams } from './recruitment.schema.js';

const tags = ['recruitment'];
const MANAGERS = { roles: ['national_admin', 'hr_officer'] } as const;

/** HR's campaigns: the list (also a panel member's), the editor's reads and writes, the life cycle and the notice. */
export async function campaignsRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/campaigns',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Campaigns the caller runs (HR of the subtree) or sits on the panel of', response: { 200: campaignList } },
    },
    async (request) => ({ items: await listCampaigns(app.db, request.actor!) }),
  );

  app.post(
    '/campaigns',
    {
      config: { access: MANAGERS },
      schema: { tags, summary: 'Create a draft campaign', body: campaignBody, response: { 201: z.object({ id: z.string() }) } },
    },
    async (request, reply) => reply.code(201).send({ id: await createCampaign(app.db, request.actor!, request.body) }),
  );

  app.get(
    '/campaigns/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'A campaign with its posts (and each position’s profile), stages and panel',
        params: idParams,
        response: { 200: campaignDetailSchema },
      },
    },
    async (request) => campaignDetail(app.db, request.actor!, request.params.id),
  );

  app.put(
    '/campaigns/:id',
    {
      config: { access: MANAGERS },
      schema: { tags, summary: 'Replace a draft campaign (only a draft is editable)', params: idParams, body: campaignBody, response: { 204: noContent } },
    },
    async (request, reply) => {
      await updateCampaign(app.db, request.actor!, request.params.id, request.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/campaigns/:id/status/:to',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Move a campaign on: publish (checks the notice is complete), close, complete or cancel',
        params: transitionParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await moveCampaign(app.db, request.actor!, request.params.id, request.params.to);
      return reply.code(204).send();
    },
  );

  app.get(
    '/campaigns/:id/notice.pdf',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The notice as PDF (a draft’s too, to proofread)',
        params: idParams,
        response: { 200: fileResponse('application/pdf', 'The notice') },
      },
    },
    async (request, reply) => {
      const { campaign } = await visibleCampaign(app.db, request.actor!, request.params.id);
      const pdf = await noticePdf(
        { ...campaign, posts: await postsOf(app.db, campaign.id), stages: await stagesOf(app.db, campaign.id) },
        pickLanguage(request.headers['accept-language']),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition('inline', `${campaign.code}.pdf`))
        .send(pdf);
    },
  );
}
