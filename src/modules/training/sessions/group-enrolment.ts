/**
 * Enrolling a needs target group into one session in one step (issue 14, item 4): who gets a seat, who
 * waits, who is refused and why. Pure: the service gathers each member's refusal (the same rules as a
 * single enrolment) and the free seats, under the session's lock when it confirms.
 */
export type GroupRefusal = 'other_agency' | 'already_enrolled' | 'overlap' | 'completed' | 'holds_level';

export interface GroupCandidate {
  personId: string;
  refusal: GroupRefusal | null;
  /** The other session's code, for 'overlap' and 'completed'. */
  sessionCode?: string | null;
}

export interface GroupAllocation {
  seats: string[];
  waitlist: string[];
  refused: Array<{ personId: string; reason: GroupRefusal; sessionCode: string | null }>;
}

/** Seats go to the eligible members in the group's order (the needs module orders them by total need), the rest wait. */
export function allocateGroup(candidates: readonly GroupCandidate[], freeSeats: number): GroupAllocation {
  const result: GroupAllocation = { seats: [], waitlist: [], refused: [] };
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.personId)) continue;
    seen.add(c.personId);
    if (c.refusal) result.refused.push({ personId: c.personId, reason: c.refusal, sessionCode: c.sessionCode ?? null });
    else if (result.seats.length < Math.max(0, freeSeats)) result.seats.push(c.personId);
    else result.waitlist.push(c.personId);
  }
  return result;
}

/**
 * The person already holds what the course teaches: an assessed level at or above its to-level in every
 * competency it raises (matched by competency code, so results of another framework version count).
 */
export function holdsEveryLevel(targets: ReadonlyArray<{ code: string; toLevel: number }>, held: ReadonlyMap<string, number>): boolean {
  return targets.length > 0 && targets.every((t) => (held.get(t.code) ?? -Infinity) >= t.toLevel);
}
