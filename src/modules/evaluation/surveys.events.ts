import type { EventHandlers } from '../../platform/events/domain-events.js';
import { seatsOfCompletion } from './followups.service.js';
import { inviteToSurveys } from './surveys.service.js';

/**
 * Everyone who attended a session is invited to its reaction surveys in the closing transaction (completed
 * or not); a completion recorded on its own invites its trainee.
 */
export const surveysEventHandlers: EventHandlers = {
  'training.completed': (trx, payload) => (payload.inSessionClose ? Promise.resolve() : inviteToSurveys(trx, seatsOfCompletion(payload))),
  'training.sessionClosed': inviteToSurveys,
};
