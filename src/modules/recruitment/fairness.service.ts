import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/engine.js';
import { campaignEvidence, profilesOf } from './assessment.repository.js';
import { memberFairness, type MemberSheet } from './fairness.js';
import { readableCampaign } from './ranking.service.js';

/**
 * The campaign's fairness view: per panel member, the fits their own submitted sheets give and how far their levels
 * lie from the others'. Only submitted sheets count, so it shows no draft; a member sees the members' names, as on
 * the panel's minutes, but never another's individual sheet through it.
 */
export async function campaignFairness(db: Db, actor: Actor, campaignId: string) {
  const { campaign } = await readableCampaign(db, actor, campaignId);
  const evidence = await campaignEvidence(db, campaignId);
  const positionOf = new Map(evidence.applications.map((a) => [a.id, a.positionId]));
  const profiles = await profilesOf(db, [...new Set(positionOf.values())]);
  const sheets = new Map<string, MemberSheet & { levels: Map<string, number> }>();
  for (const r of evidence.ratings) {
    if (!positionOf.has(r.applicationId)) continue;
    const key = `${r.userId}|${r.applicationId}|${r.stageId}`;
    const sheet = sheets.get(key) ?? { userId: r.userId, applicationId: r.applicationId, stageId: r.stageId, levels: new Map() };
    sheet.levels.set(r.competencyId, r.level);
    sheets.set(key, sheet);
  }
  const members = memberFairness([...sheets.values()], (applicationId) => profiles.get(positionOf.get(applicationId)!) ?? []);
  const panel = await db
    .selectFrom('recruitment_panel_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id as userId', 'u.display_name as displayName', 'm.panel_role as panelRole'])
    .where('m.campaign_id', '=', campaignId)
    .execute();
  const byUser = new Map(members.map((m) => [m.userId, m]));
  return {
    campaignId: campaign.id,
    members: panel.map((p) => ({
      ...p,
      ...(byUser.get(p.userId) ?? { sheets: 0, fits: null, compared: 0, meanDeviation: null, meanAbsoluteDeviation: null, flag: null }),
    })),
  };
}
