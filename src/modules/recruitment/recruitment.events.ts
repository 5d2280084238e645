import type { EventHandlers } from '../../platform/events/domain-events.js';
import { refreshCurrentLevels, refreshCycleSubjects } from './promotion/current-levels.js';

/** Each person's current levels move with each consolidation and each change of a cycle's standing (current-levels.ts). */
export const recruitmentEventHandlers: EventHandlers = {
  'assessment.resultsConsolidated': (trx, payload) => refreshCurrentLevels(trx, payload.personIds),
  'assessment.cycleChanged': (trx, payload) => refreshCycleSubjects(trx, payload.cycleId),
};
