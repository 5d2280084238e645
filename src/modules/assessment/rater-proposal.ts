/**
 * Who rates whom, proposed from the staff register (pure: the service loads
 * the colleagues, HR edits the proposal afterwards).
 *
 * The register has no "direct leader" column, so it is derived from the role
 * categories: a professional's or support officer's direct leader is a manager
 * of the same agency (trưởng phòng), else its leader; a manager's is the leader
 * of the same agency; a leader's is the leader of the nearest parent agency.
 */

export type RoleCategory = 'leader' | 'manager' | 'professional' | 'support';

export interface Colleague {
  id: string;
  agencyId: string;
  roleCategory: RoleCategory | null;
  /** Stable order among equals (e.g. the name sort key or staff code). */
  sortKey: string;
}

/** Seniority: leaders above managers above everyone else. */
export function seniority(role: RoleCategory | null): number {
  return role === 'leader' ? 3 : role === 'manager' ? 2 : 1;
}

/**
 * @param sameAgency active people of the subject's agency (the subject may be included)
 * @param ancestorLeaders leaders of the parent agencies, nearest first (one list per level)
 */
export function findDirectLeader(subject: Colleague, sameAgency: Colleague[], ancestorLeaders: Colleague[][]): Colleague | null {
  const others = sameAgency.filter((c) => c.id !== subject.id).sort(bySortKey);
  const rank = seniority(subject.roleCategory);
  if (rank === 1) {
    const candidate = others.find((c) => c.roleCategory === 'manager') ?? others.find((c) => c.roleCategory === 'leader');
    if (candidate) return candidate;
  } else if (rank === 2) {
    const candidate = others.find((c) => c.roleCategory === 'leader');
    if (candidate) return candidate;
  }
  for (const level of ancestorLeaders) {
    const candidate = level.slice().sort(bySortKey)[0];
    if (candidate) return candidate;
  }
  return null;
}

export interface RaterProposal {
  leaderId: string | null;
  peerIds: string[];
  subordinateIds: string[];
}

/**
 * Peers: same agency and seniority. Subordinates: same agency, lower seniority.
 * Which colleagues are picked is spread by a hash of (subject, colleague), so
 * in a large unit everyone gets a similar number of forms to fill.
 */
export function proposeRaters(
  subject: Colleague,
  sameAgency: Colleague[],
  ancestorLeaders: Colleague[][],
  counts: { peers: number; subordinates: number },
): RaterProposal {
  const leader = findDirectLeader(subject, sameAgency, ancestorLeaders);
  const rank = seniority(subject.roleCategory);
  const others = sameAgency.filter((c) => c.id !== subject.id && c.id !== leader?.id);
  const spread = (list: Colleague[]) =>
    list
      .map((c) => ({ c, h: hash(`${subject.id}:${c.id}`) }))
      .sort((a, b) => a.h - b.h || bySortKey(a.c, b.c))
      .map((x) => x.c.id);
  return {
    leaderId: leader?.id ?? null,
    peerIds: spread(others.filter((c) => seniority(c.roleCategory) === rank)).slice(0, counts.peers),
    subordinateIds: rank > 1 ? spread(others.filter((c) => seniority(c.roleCategory) < rank)).slice(0, counts.subordinates) : [],
  };
}

function bySortKey(a: Colleague, b: Colleague): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : 1;
}

/** FNV-1a: fast, stable across runs, good enough to shuffle evenly. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
