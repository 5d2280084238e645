import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { onResultsConsolidated } from '../needs/summaries.js';

export interface ConsolidationEvent {
  cycleId: string;
  /** The people whose results were just (re)written. */
  personIds: string[];
  /** Each person's results version before this one (none: first consolidation); those rows are now in the history table. */
  previousVersions: ReadonlyMap<string, number>;
}

export type ConsolidationListener = (trx: Transaction<Database>, event: ConsolidationEvent) => Promise<void>;

/**
 * Called after every consolidation, inside its transaction, so derived data
 * (the training-needs summaries of issue 6) commits or rolls back with the
 * results. A module appends its listener here.
 */
export const consolidationListeners: ConsolidationListener[] = [onResultsConsolidated];
