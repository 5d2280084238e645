/**
 * The pure rules of a recruitment campaign (issue 17): its life cycle, the application window, the
 * retention date of a candidate's personal data (Decree 13/2023/NĐ-CP) and the checks a campaign must pass
 * before its notice goes out. No I/O: campaign-rules.test.ts holds the hand-checked cases.
 */
import type { CampaignStatus } from './recruitment.tables.js';

/** The tie-break rules a campaign may state, applied in the order it lists them. */
export const TIE_BREAK_RULES = ['highest_weight_stage', 'digital_fit', 'priority', 'earlier_submission'] as const;
export type TieBreakRule = (typeof TIE_BREAK_RULES)[number];

/** The version of the consent text candidates agree to (web i18n `recruitment.consent.text`); bump it when the text changes. */
export const CONSENT_VERSION = '2026-01';

const NEXT: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ['published', 'cancelled'],
  published: ['closed', 'cancelled'],
  closed: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function canMove(from: CampaignStatus, to: CampaignStatus): boolean {
  return NEXT[from].includes(to);
}

/** Only a draft is freely editable: once the notice is out, candidates have applied against what it says. */
export const isEditable = (status: CampaignStatus) => status === 'draft';

export type WindowVerdict = 'open' | 'not_published' | 'not_yet_open' | 'closed';

/** Whether an application made at `at` is within the campaign's window. */
export function applicationWindow(
  campaign: { status: CampaignStatus; applicationsOpenAt: Date | null; applicationsCloseAt: Date | null },
  at: Date,
): WindowVerdict {
  if (campaign.status !== 'published') return campaign.status === 'draft' ? 'not_published' : 'closed';
  if (campaign.applicationsOpenAt && at < campaign.applicationsOpenAt) return 'not_yet_open';
  if (!campaign.applicationsCloseAt || at >= campaign.applicationsCloseAt) return 'closed';
  return 'open';
}

/** yyyy-mm-dd of `date` plus `months`, clamped to the month's last day (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(date: Date, months: number): string {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
}

/**
 * Until when a candidate's data is kept for a campaign: the campaign's end (completed or cancelled) plus its
 * retention months; while it runs, its close date plus the months (completion pushes it later, never earlier).
 */
export function retentionDate(campaign: { retentionMonths: number; applicationsCloseAt: Date | null; completedAt: Date | null }, now: Date): string {
  return addMonths(campaign.completedAt ?? campaign.applicationsCloseAt ?? now, campaign.retentionMonths);
}

/** The later of two yyyy-mm-dd dates (a candidate of two campaigns is kept for the longer). */
export const laterDate = (a: string | null, b: string) => (a !== null && a > b ? a : b);

export interface PublishCheckInput {
  posts: number;
  applicationsOpenAt: Date | null;
  applicationsCloseAt: Date | null;
  stages: ReadonlyArray<{ kind: string; weight: number }>;
  notice: string;
}

export type PublishProblem = 'no_posts' | 'no_window' | 'window_in_past' | 'no_stages' | 'weights_not_one' | 'no_notice';

/** What keeps a draft from being published; empty when it may go out. */
export function publishProblems(campaign: PublishCheckInput, now: Date): PublishProblem[] {
  const problems: PublishProblem[] = [];
  if (campaign.posts === 0) problems.push('no_posts');
  if (!campaign.applicationsOpenAt || !campaign.applicationsCloseAt) problems.push('no_window');
  else if (campaign.applicationsCloseAt <= now) problems.push('window_in_past');
  if (campaign.stages.length === 0) problems.push('no_stages');
  // The weighted stages make up the whole score; screening weighs nothing.
  const total = campaign.stages.reduce((sum, s) => sum + s.weight, 0);
  if (campaign.stages.length > 0 && Math.abs(total - 1) > 0.001) problems.push('weights_not_one');
  if (campaign.notice.trim() === '') problems.push('no_notice');
  return problems;
}
