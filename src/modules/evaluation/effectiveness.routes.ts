import type { AppInstance } from '../../platform/http/types.js';
import { MIN_GROUP_SIZE } from './effectiveness.js';
import { courseAnswer, courseParams, courseQuery, rankingAnswer, rankingQuery } from './effectiveness.schema.js';
import { courseEffectDetail, effectRanking } from './effectiveness.service.js';
import { followupListAnswer, followupListQuery, followupSettingsAnswer, followupSettingsBody } from './followups.schema.js';
import { listFollowups, readFollowupSettings, writeFollowupSettings } from './followups.admin.js';

const tags = ['evaluation'];
const HR = { roles: ['national_admin', 'hr_officer'] } as const;
const READERS = { roles: ['national_admin', 'hr_officer', 'trainer'] } as const;

/** Level 3 follow-ups and the effectiveness ranking (issue 16, items 3, 5 and 6). */
export async function effectivenessRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/followups/settings',
    {
      config: { access: HR },
      schema: { tags, summary: 'Months after completion at which the agency follows its trainees up', response: { 200: followupSettingsAnswer } },
    },
    async (request) => readFollowupSettings(app.db, request.actor!),
  );

  app.put(
    '/followups/settings',
    {
      config: { access: HR },
      schema: {
        tags,
        summary: 'Set the agency’s follow-up months (1–36, at most 4) and answer window (7–90 days)',
        body: followupSettingsBody,
        response: { 200: followupSettingsAnswer },
      },
    },
    async (request) => writeFollowupSettings(app.db, request.actor!, request.body),
  );

  app.get(
    '/followups',
    {
      config: { access: HR },
      schema: {
        tags,
        summary: 'Follow-ups of the agency’s trainees: scheduled, open (with progress), overdue, closed',
        querystring: followupListQuery,
        response: { 200: followupListAnswer },
      },
    },
    async (request) => listFollowups(app.db, request.actor!, request.query),
  );

  app.get(
    '/effectiveness',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Ranking by course, institution, competency or format: difference in differences against untrained people with the same gap, 95 % interval',
        querystring: rankingQuery,
        response: { 200: rankingAnswer },
      },
    },
    async (request) => ({
      by: request.query.by,
      minGroupSize: MIN_GROUP_SIZE,
      items: await effectRanking(app.db, request.actor!, request.query.by, request.query.agencyId),
    }),
  );

  app.get(
    '/effectiveness/courses/:courseId',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'One course’s effect, overall and per competency, with before and after means',
        params: courseParams,
        querystring: courseQuery,
        response: { 200: courseAnswer },
      },
    },
    async (request) => courseEffectDetail(app.db, request.actor!, request.params.courseId, request.query.agencyId),
  );
}
