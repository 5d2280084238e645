import type { AppInstance } from '../../platform/http/types.js';
import {
  applicationParams,
  applicationRatingsAnswer,
  memberSheetParams,
  reopenAnswer,
  reopenBody,
  sheetAnswer,
  sheetBody,
  sheetParams,
  testAnswersBody,
  testPaperAnswer,
  testParams,
  testResultAnswer,
  testScoresBody,
} from './assessment.schema.js';
import { recordTestScores, startTest, submitTest } from './knowledge-tests.service.js';
import { applicationRatings, ratingSheet, reopenRatingSheet, saveRatingSheet } from './ratings.service.js';

const tags = ['recruitment'];
// Panel members are staff of any role; the service checks their seat on the campaign's panel and their declarations.
const STAFF = ['national_admin', 'hr_officer', 'leader', 'civil_servant', 'expert', 'trainer'] as const;

/** Assessment against the profile: the panel's rating sheets and the knowledge tests. */
export async function recruitmentRatingsRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/applications/:applicationId/stages/:stageId/sheet',
    {
      config: { access: { roles: STAFF } },
      schema: {
        tags,
        summary: 'My rating sheet of an application at a stage, with each level’s behavioural indicators',
        params: sheetParams,
        response: { 200: sheetAnswer },
      },
    },
    async (request) => ratingSheet(app.db, request.actor!, request.params.applicationId, request.params.stageId),
  );

  app.put(
    '/applications/:applicationId/stages/:stageId/sheet',
    {
      config: { access: { roles: STAFF } },
      schema: {
        tags,
        summary: 'Save my sheet as a draft, or submit it (final): a level on the scale per profile competency',
        params: sheetParams,
        body: sheetBody,
        response: { 200: sheetAnswer },
      },
    },
    async (request) => saveRatingSheet(app.db, request.actor!, request.params.applicationId, request.params.stageId, request.body),
  );

  app.post(
    '/applications/:applicationId/stages/:stageId/sheets/:userId/reopen',
    {
      config: { access: { roles: ['hr_officer', 'national_admin'] } },
      schema: {
        tags,
        summary: 'HR reopens a member’s submitted sheet (to look again): a draft again, out of the ranking till resubmitted',
        params: memberSheetParams,
        body: reopenBody,
        response: { 200: reopenAnswer },
      },
    },
    async (request) =>
      reopenRatingSheet(app.db, request.actor!, request.params.applicationId, request.params.stageId, request.params.userId, request.body.reason),
  );

  app.get(
    '/applications/:applicationId/ratings',
    {
      config: { access: { roles: STAFF } },
      schema: {
        tags,
        summary: 'The sheets of an application I may see (others’ only after submitting mine) and their consolidation',
        params: applicationParams,
        response: { 200: applicationRatingsAnswer },
      },
    },
    async (request) => applicationRatings(app.db, request.actor!, request.params.applicationId),
  );

  app.post(
    '/applications/:applicationId/stages/:stageId/test/start',
    {
      config: { access: { roles: ['candidate'] } },
      schema: {
        tags,
        summary: 'Start (or resume) my knowledge test: questions from the banks of the profile’s competencies',
        params: sheetParams,
        response: { 200: testPaperAnswer },
      },
    },
    async (request) => startTest(app.db, request.actor!, request.params.applicationId, request.params.stageId),
  );

  app.post(
    '/tests/:resultId/submit',
    {
      config: { access: { roles: ['candidate'] } },
      schema: {
        tags,
        summary: 'Submit my knowledge test once: a 0–100 score and a level per competency',
        params: testParams,
        body: testAnswersBody,
        response: { 200: testResultAnswer },
      },
    },
    async (request) => submitTest(app.db, request.actor!, request.params.resultId, request.body.answers),
  );

  app.put(
    '/applications/:applicationId/stages/:stageId/test-scores',
    {
      config: { access: { roles: ['hr_officer', 'national_admin'] } },
      schema: {
        tags,
        summary: 'HR enters a paper test’s scores, 0–100 per profile competency',
        params: sheetParams,
        body: testScoresBody,
        response: { 200: testResultAnswer },
      },
    },
    async (request) => recordTestScores(app.db, request.actor!, request.params.applicationId, request.params.stageId, request.body.scores),
  );
}
