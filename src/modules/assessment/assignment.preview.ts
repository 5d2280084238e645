import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/engine.js';
import { peopleWhoCannotSignIn } from '../accounts/sign-in-status.js';
import { planAssignment } from './assignment.plan.js';
import type { RaterSource } from './consolidation.js';
import { assignmentReach } from './assignment.service.js';
import { managedCycle } from './cycles.service.js';

/**
 * What "Phân công cả cơ quan" would create, without creating it: people and
 * forms by rater role, people left without a direct leader, and the raters
 * who cannot sign in (no account, or a disabled one), so HR sees the numbers
 * and fixes the accounts before 43 forms go out.
 */
export async function previewAssignment(db: Db, actor: Actor, cycleId: string, options: { agencyId?: string } = {}) {
  const cycle = await managedCycle(db, actor, cycleId);
  const withinPath = await assignmentReach(db, cycle, options.agencyId);
  return db.transaction().execute(async (trx) => {
    const plan = await planAssignment(trx, cycle, withinPath);
    const bySource: Record<Exclude<RaterSource, 'expert'>, number> = { self: 0, leader: 0, peer: 0, subordinate: 0 };
    for (const a of plan.assignmentRows) if (a.source !== 'expert') bySource[a.source]++;
    const led = new Set(plan.assignmentRows.filter((a) => a.source === 'leader').map((a) => a.subject_id));
    const raters = plan.assignmentRows.map((a) => a.rater_person_id);
    return {
      subjects: plan.subjectRows.length,
      forms: plan.assignmentRows.length,
      bySource,
      withoutLeader: plan.subjectRows.filter((s) => !led.has(s.person_id)).length,
      cannotSignIn: await peopleWhoCannotSignIn(trx, raters),
    };
  });
}
