import type { AppInstance } from '../../platform/http/types.js';
import { fileResponse } from '../../platform/http/response-types.js';
import { pickLanguage } from '../../platform/i18n/language.js';
import { contentDisposition } from '../../platform/export/spreadsheet-safe.js';
import { notFound } from '../../platform/errors.js';
import { z } from 'zod';
import { findCampaign, listPublishedCampaigns, postsOf, stagesOf } from './campaigns.repository.js';
import { signUp } from './candidates.service.js';
import { noticePdf } from './notice.pdf.js';
import { signUpBody } from './applications.schema.js';
import { idParams, publicCampaign, publicCampaignList } from './recruitment.schema.js';
import type { TieBreakRule } from './campaign-rules.js';

const tags = ['recruitment'];

async function publishedCampaign(app: AppInstance, id: string) {
  const campaign = await findCampaign(app.db, id);
  // Only what a notice board shows: published campaigns, no panel, no applicant.
  if (!campaign || campaign.status !== 'published') throw notFound({ campaignId: id });
  return campaign;
}

/** What anyone may read without an account (the notices), and the candidate's sign-up. */
export async function publicRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/public/campaigns',
    { config: { access: 'public' }, schema: { tags, summary: 'Published campaigns (the public notice board)', response: { 200: publicCampaignList } } },
    async () => {
      const items = await listPublishedCampaigns(app.db);
      return { items: items.map((c) => ({ ...c, tieBreak: c.tieBreak as TieBreakRule[] })) };
    },
  );

  app.get(
    '/public/campaigns/:id',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'A published campaign’s notice: positions, profiles, stages', params: idParams, response: { 200: publicCampaign } },
    },
    async (request) => {
      const c = await publishedCampaign(app, request.params.id);
      const stages = await stagesOf(app.db, c.id);
      return {
        id: c.id,
        code: c.code,
        title: c.title,
        agencyName: c.agencyName,
        notice: c.notice,
        applicationsOpenAt: c.applicationsOpenAt,
        applicationsCloseAt: c.applicationsCloseAt,
        tieBreak: c.tieBreak,
        retentionMonths: c.retentionMonths,
        posts: await postsOf(app.db, c.id),
        stages: stages.map(({ id: _id, ...s }) => s),
      };
    },
  );

  app.get(
    '/public/campaigns/:id/notice.pdf',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'A published campaign’s notice as PDF', params: idParams, response: { 200: fileResponse('application/pdf', 'The notice') } },
    },
    async (request, reply) => {
      const campaign = await publishedCampaign(app, request.params.id);
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

  app.post(
    '/public/sign-up',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Open a candidate account (then sign in as usual); rate-limited like sign-in',
        body: signUpBody,
        response: { 201: z.object({ userId: z.string(), username: z.string() }) },
      },
    },
    async (request, reply) => {
      const { userId } = await signUp(app.db, request.body, request.ip);
      return reply.code(201).send({ userId, username: request.body.username.toLowerCase() });
    },
  );
}
