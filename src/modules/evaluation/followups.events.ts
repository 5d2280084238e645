import type { EventHandlers } from '../../platform/events/domain-events.js';
import { scheduleFollowups } from './followups.service.js';
import { refreshEffectObservations } from './effectiveness.refresh.js';

/** A completed course schedules its follow-ups, in the completion's transaction (the job opens them when due). */
export const followupsEventHandlers: EventHandlers = {
  'training.completed': (trx, payload) => scheduleFollowups(trx, payload),
};

/** The effectiveness cells move with each consolidation and each completion (effectiveness.refresh.ts). */
export const effectivenessEventHandlers: EventHandlers = {
  'assessment.resultsConsolidated': (trx, payload) => refreshEffectObservations(trx, payload.personIds),
  'training.completed': (trx, payload) => refreshEffectObservations(trx, [payload.personId]),
};
