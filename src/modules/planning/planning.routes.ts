import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.js';
import { pickLanguage } from '../../platform/i18n/language.js';
import {
  approveAnswer,
  budgetAnswer,
  budgetQuery,
  checkAnswer,
  createPlanBody,
  openingAnswer,
  openingBody,
  openingList,
  openingListQuery,
  openingParams,
  planAnswer,
  planList,
  planListQuery,
  planParams,
  runAnswer,
  runParams,
  seatsBody,
  solveBody,
  updatePlanBody,
  versionAnswer,
  versionList,
  versionParams,
} from './planning.schema.js';
import { approvePlan, checkPlanSeats, createPlan, listPlans, listVersions, readPlan, readVersion, saveSeats, updatePlan } from './planning.service.js';
import { cancelRun, readRun, startSolve } from './planning.solve.js';
import { budgetOverview } from './budget-overview.js';
import { createOpening, listOpenings, withdrawOpening } from './planning.openings.js';
import { planningXlsxRoutes } from './planning.xlsx.routes.js';

const tags = ['planning'];
const noBody = z.strictObject({}).optional();
const hr = { access: { roles: ['national_admin', 'hr_officer'] as const } };
const readers = { access: { roles: ['national_admin', 'hr_officer', 'leader'] as const } };

/** The agency's annual training plan (issue 15): inputs, solve, explanation, edits, approval. */
export async function planningRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/plans',
    { config: readers, schema: { tags, summary: 'Annual plans of the caller’s agency subtree', querystring: planListQuery, response: { 200: planList } } },
    (request) => listPlans(app.db, request.actor!, request.query.year),
  );

  app.get(
    '/budget',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Planned against spent training budget by unit: the provinces nationally, a unit’s subunits below it',
        querystring: budgetQuery,
        response: { 200: budgetAnswer },
      },
    },
    (request) => budgetOverview(app.db, request.actor!, request.query),
  );

  app.post(
    '/plans',
    {
      config: hr,
      schema: { tags, summary: 'A new annual plan of the caller’s agency: year, budget, inputs', body: createPlanBody, response: { 200: planAnswer } },
    },
    (request) => createPlan(app.db, request.actor!, request.body),
  );

  app.get(
    '/plans/:id',
    { config: readers, schema: { tags, summary: 'An annual plan and its inputs', params: planParams, response: { 200: planAnswer } } },
    (request) => readPlan(app.db, request.actor!, request.params.id),
  );

  app.put(
    '/plans/:id',
    {
      config: hr,
      schema: { tags, summary: 'Change a draft plan’s name, budget and inputs', params: planParams, body: updatePlanBody, response: { 200: planAnswer } },
    },
    (request) => updatePlan(app.db, request.actor!, request.params.id, request.body),
  );

  app.post(
    '/plans/:id/solve',
    {
      config: hr,
      schema: {
        tags,
        summary: 'Solve the plan (a job of the queue): the answer is the run to poll',
        params: planParams,
        body: solveBody,
        response: { 200: runAnswer },
      },
    },
    (request) => startSolve(app.db, request.actor!, request.params.id, request.body.timeLimitSeconds, pickLanguage(request.headers['accept-language'])),
  );

  app.get(
    '/plans/:id/runs/:runId',
    { config: readers, schema: { tags, summary: 'A solve’s progress: incumbent, bound, gap', params: runParams, response: { 200: runAnswer } } },
    (request) => readRun(app.db, request.actor!, request.params.id, request.params.runId, pickLanguage(request.headers['accept-language'])),
  );

  app.post(
    '/plans/:id/runs/:runId/cancel',
    { config: hr, schema: { tags, summary: 'Stop a solve', params: runParams, body: noBody, response: { 200: runAnswer } } },
    (request) => cancelRun(app.db, request.actor!, request.params.id, request.params.runId, pickLanguage(request.headers['accept-language'])),
  );

  app.get(
    '/plans/:id/versions',
    { config: readers, schema: { tags, summary: 'The plan’s versions, newest first', params: planParams, response: { 200: versionList } } },
    (request) => listVersions(app.db, request.actor!, request.params.id),
  );

  app.get(
    '/plans/:id/versions/:number',
    {
      config: readers,
      schema: { tags, summary: 'A version with its explanation and a live check of its limits', params: versionParams, response: { 200: versionAnswer } },
    },
    (request) => readVersion(app.db, request.actor!, request.params.id, request.params.number),
  );

  app.post(
    '/plans/:id/check',
    {
      config: hr,
      schema: {
        tags,
        summary: 'Re-check a hand-edited plan: every limit, its benefit and its distance from the bound',
        params: planParams,
        body: seatsBody,
        response: { 200: checkAnswer },
      },
    },
    (request) => checkPlanSeats(app.db, request.actor!, request.params.id, request.body.seats),
  );

  app.post(
    '/plans/:id/versions',
    {
      config: hr,
      schema: {
        tags,
        summary: 'Save a hand-edited plan as a new version (refused, naming each limit, if one is broken)',
        params: planParams,
        body: seatsBody,
        response: { 200: versionAnswer },
      },
    },
    async (request) => {
      const number = await saveSeats(app.db, request.actor!, request.params.id, request.body.seats, 'edit');
      return readVersion(app.db, request.actor!, request.params.id, number);
    },
  );

  app.post(
    '/plans/:id/approve',
    {
      config: hr,
      schema: { tags, summary: 'Approve the latest version: its seats become enrolments', params: planParams, body: noBody, response: { 200: approveAnswer } },
    },
    (request) => approvePlan(app.db, request.actor!, request.params.id),
  );

  app.get(
    '/openings',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Classes to open offered to the caller’s plans: of its subtree and of the agencies above it',
        querystring: openingListQuery,
        response: { 200: openingList },
      },
    },
    (request) => listOpenings(app.db, request.actor!, request.query.status),
  );

  app.post(
    '/openings',
    {
      config: hr,
      schema: {
        tags,
        summary: 'Declare a class to open: a course, its dates, seats, minimum class size and opening cost',
        body: openingBody,
        response: { 200: openingAnswer },
      },
    },
    (request) => createOpening(app.db, request.actor!, request.body),
  );

  app.post(
    '/openings/:openingId/withdraw',
    {
      config: hr,
      schema: { tags, summary: 'Withdraw a class to open no plan has opened', params: openingParams, body: noBody, response: { 200: openingAnswer } },
    },
    (request) => withdrawOpening(app.db, request.actor!, request.params.openingId),
  );

  await planningXlsxRoutes(app);
}
