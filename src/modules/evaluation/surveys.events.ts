import type { EventHandlers } from '../../platform/events/domain-events.js';
import { onTrainingCompletedSurvey } from './surveys.service.js';

/** A completed trainee (who attended) is invited to the session's reaction surveys in the completion's transaction. */
export const surveysEventHandlers: EventHandlers = {
  'training.completed': onTrainingCompletedSurvey,
};
