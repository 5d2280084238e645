import { z } from 'zod';
import type { AppInstance } from '../../../platform/http/types.js';
import { personPlanAnswer, planChoiceBody, planDecisionBody, planList, planListQuery } from './plans.schema.js';
import { choosePlan, decidePlan, listPlans, personPlan, submitPlan } from './plans.service.js';

const tags = ['training'];
const personParams = z.strictObject({ personId: z.uuid() });
const planParams = z.strictObject({ id: z.uuid() });

/** Individual development plans: the person chooses, the leader decides, HR reads (plans.policy.ts). */
export async function plansRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/plans',
    {
      config: { access: { roles: ['national_admin', 'hr_officer', 'leader'] } },
      schema: { tags, summary: 'Development plans of the caller’s agency subtree', querystring: planListQuery, response: { 200: planList } },
    },
    async (request) => listPlans(app.db, request.actor!, request.query),
  );

  app.get(
    '/plans/people/:personId',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'A person’s development plan and the courses recommended to close their largest gaps',
        params: personParams,
        response: { 200: personPlanAnswer },
      },
    },
    async (request) => personPlan(app.db, request.actor!, request.params.personId),
  );

  app.put(
    '/plans/people/:personId',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The person chooses the courses of their plan (draft)',
        params: personParams,
        body: planChoiceBody,
        response: { 200: personPlanAnswer },
      },
    },
    async (request) => choosePlan(app.db, request.actor!, request.params.personId, request.body.items),
  );

  app.post(
    '/plans/:id/submit',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The person hands the plan to their leader',
        params: planParams,
        body: z.strictObject({}).optional(),
        response: { 200: personPlanAnswer },
      },
    },
    async (request) => submitPlan(app.db, request.actor!, request.params.id),
  );

  app.post(
    '/plans/:id/decision',
    {
      config: { access: { roles: ['leader'] } },
      schema: {
        tags,
        summary: 'The leader approves the plan (possibly changed) or returns it',
        params: planParams,
        body: planDecisionBody,
        response: { 200: personPlanAnswer },
      },
    },
    async (request) => decidePlan(app.db, request.actor!, request.params.id, request.body),
  );
}
