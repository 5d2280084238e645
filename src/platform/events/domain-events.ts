import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Every domain event: its name and what it carries. A module that announces
 * something adds its event here; one that reacts adds a handler to its
 * `<m>.events.ts` and that to the list in src/modules/events.ts.
 */
export interface DomainEvents {
  /** Consolidated results were (re)written for these people (assessment/consolidate.service). */
  'assessment.resultsConsolidated': {
    cycleId: string;
    /** The people whose results were just (re)written. */
    personIds: string[];
    /** Each person's results version before this one (none: first consolidation); those rows are now in the history table. */
    previousVersions: ReadonlyMap<string, number>;
  };
  /**
   * A cycle's status, kind or opening date changed (assessment/cycles.service): which cycle is each of its
   * people's newest closed one may have changed with it.
   */
  'assessment.cycleChanged': { cycleId: string };
  /**
   * Agencies moved (a move, or the sub-agencies of a merge): tables that copy an
   * agency's path for subtree filters rewrite theirs. `newPathsLike` is a LIKE
   * pattern matching the moved subtree's new paths.
   */
  'org.agencyPathsRewritten': { newPathsLike: string };
  /**
   * An agency was merged into another (org/agencies.service): the modules that
   * hold its members move them to the successor. Each handler adds the count of
   * what it moved to `moved` (people: staff transferred), for the merge's audit
   * record and answer: org names no module that holds agency members.
   */
  'org.agencyMerged': {
    fromAgencyId: string;
    intoAgencyId: string;
    intoAdminUnitId: string | null;
    effectiveDate: string;
    moved: Record<string, number>;
  };
  /**
   * Provinces merged or split (org/unit-changes): units of `provinceIds` now
   * roll up into other provinces of today's geography. Tables that copied a
   * unit's current province (the needs summaries) read it again.
   */
  'org.provincesReassigned': { provinceIds: string[] };
  /**
   * A framework version was published in place of `fromVersionId`
   * (framework/framework.service): what points at the old version's
   * competencies follows to the new one. Handlers add their counts to `moved`
   * (positionProfiles: position requirements repointed) for the publish audit.
   */
  'framework.versionPublished': {
    fromVersionId: string;
    toVersionId: string;
    moved: Record<string, number>;
  };
  /**
   * The institution recorded a completed course (training/sessions). Completion
   * raises no competency level by itself: evaluation (issue 16) and the
   * certificate (training/credentials) react to it.
   */
  'training.completed': {
    enrolmentId: string;
    personId: string;
    sessionId: string;
    courseId: string;
    institutionId: string;
    /** The person's agency path at enrolment (scope of what reacts). */
    agencyPath: string;
    /** ISO 8601. */
    completedAt: string;
    /**
     * Set when a session's close announces this completion again, with every
     * other seat of the session, in `training.sessionClosed`: work that is
     * cheaper for the whole session at once (evaluation) waits for that one.
     */
    inSessionClose?: boolean;
  };
  /**
   * A session was closed (training/sessions): every seat's result at once, in
   * the closing transaction, after each completion's `training.completed`.
   */
  'training.sessionClosed': {
    sessionId: string;
    courseId: string;
    institutionId: string;
    /** ISO 8601: the completion time of the completed seats. */
    closedAt: string;
    seats: Array<{
      enrolmentId: string;
      personId: string;
      /** The person's agency path at enrolment. */
      agencyPath: string;
      completed: boolean;
      /** Present at one meeting at least (a seat can attend and still not complete). */
      attended: boolean;
    }>;
  };
}

export type DomainEventName = keyof DomainEvents;

/**
 * Runs inside the emitter's transaction, so what it derives commits or rolls
 * back with the change. Work for after the commit belongs on the job queue:
 * the handler sends a job with `sendJob(name, data, { trx })`
 * (src/platform/jobs/job-queue.ts), which exists only if the transaction commits.
 */
export type EventHandler<N extends DomainEventName> = (trx: Kysely<Database>, payload: DomainEvents[N]) => Promise<void>;

/** One module's handlers, by event. */
export type EventHandlers = { [N in DomainEventName]?: EventHandler<N> };

export type Emit = <N extends DomainEventName>(trx: Kysely<Database>, name: N, payload: DomainEvents[N]) => Promise<void>;

/** The emit function over every module's handlers, run one after another in the list's order. */
export function createEmitter(modules: readonly EventHandlers[]): Emit {
  return async (trx, name, payload) => {
    for (const handlers of modules) {
      const handler = handlers[name];
      if (handler) await handler(trx, payload);
    }
  };
}
