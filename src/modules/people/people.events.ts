import type { EventHandlers } from '../../platform/events/domain-events.js';
import { transferPeopleOfAgency } from './people.assignments.js';

/** Staff of a merged agency move to its successor, keeping their history (in the merge's transaction). */
export const peopleEventHandlers: EventHandlers = {
  'org.agencyMerged': async (trx, { fromAgencyId, intoAgencyId, intoAdminUnitId, effectiveDate, moved }) => {
    moved.people = (moved.people ?? 0) + (await transferPeopleOfAgency(trx, fromAgencyId, intoAgencyId, intoAdminUnitId, effectiveDate));
  },
};
