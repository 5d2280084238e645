import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';

/**
 * Whether a user may rate an application of a campaign: on its panel, with their conflict-of-interest declaration
 * made, and no conflict declared with that candidate. The panel and the declarations are wt-rc's
 * (panel.service.ts canRate); this reads the same rows until the two branches meet.
 * Returns the refusal (null: may rate).
 */
export async function ratingRefusal(db: Kysely<Database>, campaignId: string, userId: string, applicationId: string): Promise<AppError | null> {
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
  return null;
}
