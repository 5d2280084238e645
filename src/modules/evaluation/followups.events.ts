import type { EventHandlers } from '../../platform/events/domain-events.js';
import { scheduleFollowups, seatsOfCompletion } from './followups.service.js';
import { rebuildEffectRollups, refreshCompletedCourse, refreshEffectObservations } from './effectiveness.refresh.js';

/**
 * A completed course schedules its follow-ups, in the completion's transaction (the job opens them when due):
 * a session's close for all its seats at once, a completion recorded on its own by itself.
 */
export const followupsEventHandlers: EventHandlers = {
  'training.completed': (trx, payload) => (payload.inSessionClose ? Promise.resolve() : scheduleFollowups(trx, seatsOfCompletion(payload))),
  'training.sessionClosed': (trx, payload) => scheduleFollowups(trx, payload),
};

/** The effectiveness cells move with each consolidation (every competency) and each completion (the course's competencies). */
export const effectivenessEventHandlers: EventHandlers = {
  'assessment.resultsConsolidated': (trx, payload) => refreshEffectObservations(trx, payload.personIds),
  'training.completed': (trx, payload) => (payload.inSessionClose ? Promise.resolve() : refreshCompletedCourse(trx, [payload.personId], payload.courseId)),
  'training.sessionClosed': (trx, payload) =>
    refreshCompletedCourse(
      trx,
      payload.seats.filter((s) => s.completed).map((s) => s.personId),
      payload.courseId,
    ),
  // The roll-ups are per ancestor at the time of writing: a move re-sums them from the cells.
  'org.agencyPathsRewritten': (trx) => rebuildEffectRollups(trx),
};
