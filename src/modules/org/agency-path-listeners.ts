import type { Kysely } from 'kysely';
import { onAgencyPathsRewritten } from '../needs/summaries.js';

/**
 * Called inside the transaction that moves agencies (a move, or the
 * sub-agencies of a merge), with a LIKE pattern matching the moved subtree's
 * new paths. Tables that copy an agency's path for subtree filters rewrite
 * theirs here; a module appends its listener.
 */
export type AgencyPathListener = (trx: Kysely<any>, newPathsLike: string) => Promise<void>;

export const agencyPathListeners: AgencyPathListener[] = [onAgencyPathsRewritten];
