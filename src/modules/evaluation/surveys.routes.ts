import type { AppInstance } from '../../platform/http/types.js';
import {
  answerAnswer,
  answersBody,
  idParams,
  mySurveysAnswer,
  resultsAnswer,
  resultsQuery,
  setAnswer,
  setBody,
  setList,
  setPatch,
  surveyParams,
} from './surveys.schema.js';
import { answerSurvey, mySurveys } from './surveys.service.js';
import { surveyResults } from './surveys.results.service.js';
import { createSet, listSets, updateSet } from './surveys.sets.service.js';

const tags = ['evaluation'];
const OWNERS = { roles: ['trainer', 'hr_officer'] } as const;

/** Reaction surveys (level 1): question sets, the trainee's answer, the aggregates. */
export async function surveysRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/surveys/sets',
    {
      config: { access: OWNERS },
      schema: { tags, summary: 'The question sets I manage (my institution’s, or my agency’s HR sets)', response: { 200: setList } },
    },
    async (request) => listSets(app.db, request.actor!),
  );

  app.post(
    '/surveys/sets',
    {
      config: { access: OWNERS },
      schema: {
        tags,
        summary: 'A question set (scales with a label per point, free text) for a course or a session',
        body: setBody,
        response: { 200: setAnswer },
      },
    },
    async (request) => createSet(app.db, request.actor!, request.body),
  );

  app.patch(
    '/surveys/sets/:id',
    {
      config: { access: OWNERS },
      schema: {
        tags,
        summary: 'Rename, switch off, or (until a survey used it) change the questions',
        params: idParams,
        body: setPatch,
        response: { 200: setAnswer },
      },
    },
    async (request) => updateSet(app.db, request.actor!, request.params.id, request.body),
  );

  app.get(
    '/surveys/mine',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'My reaction surveys: open ones with their questions', response: { 200: mySurveysAnswer } },
    },
    async (request) => mySurveys(app.db, request.actor!),
  );

  app.post(
    '/surveys/:surveyId/answers',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Answer a survey once (only those invited: who attended)',
        params: surveyParams,
        body: answersBody,
        response: { 200: answerAnswer },
      },
    },
    async (request) => answerSurvey(app.db, request.actor!, request.params.surveyId, request.body.answers),
  );

  app.get(
    '/surveys/results',
    {
      config: { access: { roles: ['national_admin', 'hr_officer', 'trainer'] } },
      schema: {
        tags,
        summary: 'Survey results: aggregates of closed surveys with at least the anonymity threshold of respondents, never a person’s answers',
        querystring: resultsQuery,
        response: { 200: resultsAnswer },
      },
    },
    async (request) => surveyResults(app.db, request.actor!, request.query),
  );
}
