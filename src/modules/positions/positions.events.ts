import type { EventHandlers } from '../../platform/events/domain-events.js';
import { repointProfiles } from './positions.repository.js';

/** Position profiles follow their framework to each newly published version (assessments stay on theirs). */
export const positionsEventHandlers: EventHandlers = {
  'framework.versionPublished': async (trx, { fromVersionId, toVersionId, moved }) => {
    moved.positionProfiles = (moved.positionProfiles ?? 0) + (await repointProfiles(trx, fromVersionId, toVersionId));
  },
};
