import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.js';
import { learningGains } from './learning-gains.service.js';
import {
  attemptParams,
  gainsAnswer,
  gainsQuery,
  learningAnswersBody,
  myTestsAnswer,
  phaseParams,
  recordScoresBody,
  testPaper,
  testResult,
} from './learning-tests.schema.js';
import { paperScoresBody, paperScoresSaved, paperScoresSheet, sessionParams, sessionPhaseParams } from './paper-scores.schema.js';
import { paperScoreSheet, recordPaperScores } from './paper-scores.service.js';
import { myLearningTests, recordLearningScores, startLearningTest, submitLearningTest } from './learning-tests.service.js';

const tags = ['evaluation'];

/** Learning (level 2): pre- and post-tests per enrolment, and the gains. */
export async function learningTestsRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/learning/mine',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'My pre- and post-tests, by enrolment', response: { 200: myTestsAnswer } } },
    async (request) => myLearningTests(app.db, request.actor!),
  );

  app.post(
    '/learning/enrolments/:enrolmentId/:phase/start',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Start (or resume) my pre- or post-test: questions from the banks of the course’s competencies',
        params: phaseParams,
        body: z.strictObject({}).optional(),
        response: { 200: testPaper },
      },
    },
    async (request) => startLearningTest(app.db, request.actor!, request.params.enrolmentId, request.params.phase),
  );

  app.post(
    '/learning/attempts/:attemptId/submit',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Submit my test once: a 0–100 score and a level per competency',
        params: attemptParams,
        body: learningAnswersBody,
        response: { 200: testResult },
      },
    },
    async (request) => submitLearningTest(app.db, request.actor!, request.params.attemptId, request.body.answers),
  );

  app.put(
    '/learning/enrolments/:enrolmentId/:phase',
    {
      config: { access: { roles: ['trainer', 'national_admin'] } },
      schema: {
        tags,
        summary: 'The institution records a trainee’s pre- or post-test scores (0–100 per competency; the pre-test first)',
        params: phaseParams,
        body: recordScoresBody,
        response: { 200: testResult },
      },
    },
    async (request) => recordLearningScores(app.db, request.actor!, request.params.enrolmentId, request.params.phase, request.body.scores),
  );

  app.get(
    '/learning/sessions/:sessionId/scores',
    {
      config: { access: { roles: ['trainer', 'national_admin'] } },
      schema: {
        tags,
        summary: 'The institution’s score sheet of a session: its trainees, the course’s competencies, each phase’s scores',
        params: sessionParams,
        response: { 200: paperScoresSheet },
      },
    },
    async (request) => paperScoreSheet(app.db, request.actor!, request.params.sessionId),
  );

  app.put(
    '/learning/sessions/:sessionId/scores/:phase',
    {
      config: { access: { roles: ['trainer', 'national_admin'] } },
      schema: {
        tags,
        summary: 'The institution records a session’s paper-test scores for a phase, all rows or none (each refused row named)',
        params: sessionPhaseParams,
        body: paperScoresBody,
        response: { 200: paperScoresSaved },
      },
    },
    async (request) => recordPaperScores(app.db, request.actor!, request.params.sessionId, request.params.phase, request.body.rows),
  );

  app.get(
    '/learning/gains',
    {
      config: { access: { roles: ['national_admin', 'hr_officer', 'leader', 'trainer'] } },
      schema: { tags, summary: 'Learning gains per course, competency and person', querystring: gainsQuery, response: { 200: gainsAnswer } },
    },
    async (request) => learningGains(app.db, request.actor!, request.query),
  );
}
