import { z } from 'zod';
import type { AppInstance } from '../../../platform/http/types.js';
import { targetGroupQuery } from '../../needs/needs.schema.js';
import { confirmGroupEnrolment, previewGroupEnrolment } from './group-enrolment.service.js';
import { idParams } from './sessions.schema.js';

const tags = ['training'];
const ENROLLERS = { roles: ['national_admin', 'hr_officer'] } as const;

/** The target group as the needs page showed it: its cycle, subtree and grouping options, and its key. */
const groupSelection = targetGroupQuery.extend({ groupKey: z.string().min(1).max(400) });

const member = z.object({ personId: z.string().nullable(), fullName: z.string().nullable(), staffCode: z.string().nullable() });
const groupEnrolmentAnswer = z.object({
  sessionId: z.string(),
  seats: z.array(member),
  waitlist: z.array(member),
  refused: z.array(
    member.extend({
      reason: z.enum(['other_agency', 'already_enrolled', 'overlap', 'completed', 'holds_level']),
      sessionCode: z.string().nullable(),
    }),
  ),
});

export async function groupEnrolmentRoutes(app: AppInstance): Promise<void> {
  app.post(
    '/sessions/:id/group-enrolment/preview',
    {
      config: { access: ENROLLERS },
      schema: {
        tags,
        summary: 'Preview enrolling a needs target group: who gets a seat, who waits, who is refused and why (writes nothing)',
        params: idParams,
        body: groupSelection,
        response: { 200: groupEnrolmentAnswer },
      },
    },
    async (request) => previewGroupEnrolment(app.db, request.actor!, request.params.id, request.body),
  );

  app.post(
    '/sessions/:id/group-enrolment',
    {
      config: { access: ENROLLERS },
      schema: {
        tags,
        summary: 'Enrol a needs target group in one transaction: free seats, then the waiting list; refusals as in the preview',
        params: idParams,
        body: groupSelection,
        response: { 201: groupEnrolmentAnswer },
      },
    },
    async (request, reply) => reply.code(201).send(await confirmGroupEnrolment(app.db, request.actor!, request.params.id, request.body)),
  );
}
