import type { EventHandlers } from '../../platform/events/domain-events.js';
import { onAgencyPathsRewritten, onResultsConsolidated } from './summaries.js';
import { onProvincesReassigned } from './summaries.provinces.js';

/** The training-needs summaries follow every consolidation and every agency move, in the same transaction. */
export const needsEventHandlers: EventHandlers = {
  'assessment.resultsConsolidated': onResultsConsolidated,
  'org.agencyPathsRewritten': (trx, { newPathsLike }) => onAgencyPathsRewritten(trx, newPathsLike),
  'org.provincesReassigned': (trx, { provinceIds }) => onProvincesReassigned(trx, provinceIds),
};
