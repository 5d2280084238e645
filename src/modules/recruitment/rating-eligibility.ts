import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { canRate } from './panel.service.js';

/**
 * Whether a user may rate an application of a campaign, and if not, why: the panel's rule (panel.service.ts
 * canRate: on the panel, declaration made, no conflict with that candidate) decides; the rows are read again only
 * to name the refusal, so the member is told to declare or that their conflict bars them.
 * Returns the refusal (null: may rate).
 */
export async function ratingRefusal(db: Kysely<Database>, campaignId: string, userId: string, applicationId: string): Promise<AppError | null> {
  if (await canRate(db, campaignId, userId, applicationId)) return null;
  const member = await db
    .selectFrom('recruitment_panel_members')
    .select(['declared_at'])
    .where('campaign_id', '=', campaignId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!member) return new AppError('not_found', 404);
  if (!member.declared_at) return new AppError('recruitment_declaration_missing', 403, { field: 'declaration' });
  const conflict = await db
    .selectFrom('recruitment_conflicts')
    .select('reason')
    .where('campaign_id', '=', campaignId)
    .where('user_id', '=', userId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  if (conflict) return new AppError('recruitment_conflict_declared', 403, { applicationId });
  // The application is not one of this campaign's.
  return new AppError('not_found', 404);
}
