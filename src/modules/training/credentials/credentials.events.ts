import type { EventHandlers } from '../../../platform/events/domain-events.js';
import { onSessionClosed, onTrainingCompleted } from './issue.service.js';

/** A completed course (or a closed session's completed seats) becomes a pending certificate in the same transaction; a job signs it after the commit. */
export const credentialsEventHandlers: EventHandlers = {
  'training.completed': onTrainingCompleted,
  'training.sessionClosed': onSessionClosed,
};
