import { z } from 'zod';
import { isoDate } from '../../platform/http/schema-types.js';
import { calendarDate, timestamp } from '../../platform/http/response-types.js';
import { TIE_BREAK_RULES } from './campaign-rules.js';

const text = (max: number) => z.string().trim().max(max);
const instant = z.iso.datetime({ offset: true });

export const idParams = z.strictObject({ id: z.uuid() });
export const STAGE_KINDS = ['screening', 'knowledge_test', 'practical', 'interview'] as const;
export const CAMPAIGN_STATUSES = ['draft', 'published', 'closed', 'completed', 'cancelled'] as const;
export const PANEL_ROLES = ['chair', 'member', 'secretary'] as const;
export const APPLICATION_STATUSES = ['submitted', 'screened_in', 'screened_out', 'withdrawn', 'shortlisted', 'appointed', 'not_selected'] as const;
export const DOCUMENT_KINDS = ['application_form', 'cv', 'diploma', 'certificate', 'identity', 'other'] as const;

const stageInput = z.strictObject({
  kind: z.enum(STAGE_KINDS),
  name: text(200).min(1),
  startsOn: isoDate.nullable().default(null),
  endsOn: isoDate.nullable().default(null),
  weight: z.number().min(0).max(1).default(0),
});

export const campaignBody = z.strictObject({
  /** The agency the campaign recruits for; the caller's own when absent. */
  agencyId: z.uuid().optional(),
  code: text(60)
    .min(1)
    .regex(/^[\p{L}\p{N}._/-]+$/u),
  title: text(300).min(1),
  notice: text(20_000).default(''),
  applicationsOpenAt: instant.nullable().default(null),
  applicationsCloseAt: instant.nullable().default(null),
  tieBreak: z
    .array(z.enum(TIE_BREAK_RULES))
    .max(TIE_BREAK_RULES.length)
    .refine((rules) => new Set(rules).size === rules.length, 'each rule at most once')
    .default([]),
  retentionMonths: z.number().int().min(1).max(120).default(12),
  posts: z
    .array(z.strictObject({ positionId: z.uuid(), posts: z.number().int().min(1).max(1000) }))
    .max(100)
    .default([]),
  stages: z.array(stageInput).max(10).default([]),
});
export type CampaignInput = z.infer<typeof campaignBody>;

export const transitionParams = z.strictObject({ id: z.uuid(), to: z.enum(['publish', 'close', 'complete', 'cancel']) });

const requirement = z.object({
  competencyId: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  requiredLevel: z.number(),
  criticality: z.number(),
});

const post = z.object({ positionId: z.string(), positionCode: z.string(), positionTitle: z.string(), posts: z.number(), profile: z.array(requirement) });
const stage = z.object({
  id: z.string(),
  ordinal: z.number(),
  kind: z.enum(STAGE_KINDS),
  name: z.string(),
  startsOn: calendarDate.nullable(),
  endsOn: calendarDate.nullable(),
  weight: z.number(),
});

const campaignSummaryFields = {
  id: z.string(),
  code: z.string(),
  title: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  applicationsOpenAt: timestamp.nullable(),
  applicationsCloseAt: timestamp.nullable(),
  publishedAt: timestamp.nullable(),
};

export const campaignSummary = z.object({ ...campaignSummaryFields, posts: z.number(), applications: z.number() });
export const campaignList = z.object({ items: z.array(campaignSummary) });

export const panelMember = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.string(),
  agencyName: z.string(),
  panelRole: z.enum(PANEL_ROLES),
  declaredAt: timestamp.nullable(),
  conflicts: z.number(),
});

export const campaignDetail = z.object({
  ...campaignSummaryFields,
  notice: z.string(),
  tieBreak: z.array(z.enum(TIE_BREAK_RULES)),
  retentionMonths: z.number(),
  completedAt: timestamp.nullable(),
  posts: z.array(post),
  stages: z.array(stage),
  panel: z.array(panelMember),
  canManage: z.boolean(),
  isPanelMember: z.boolean(),
});
export type CampaignDetail = z.infer<typeof campaignDetail>;

export const publicCampaign = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  agencyName: z.string(),
  notice: z.string(),
  applicationsOpenAt: timestamp.nullable(),
  applicationsCloseAt: timestamp.nullable(),
  tieBreak: z.array(z.enum(TIE_BREAK_RULES)),
  retentionMonths: z.number(),
  posts: z.array(post),
  stages: z.array(stage.omit({ id: true })),
});
export const publicCampaignList = z.object({ items: z.array(publicCampaign.omit({ notice: true, posts: true, stages: true }).extend({ posts: z.number() })) });

export const panelBody = z.strictObject({
  members: z
    .array(z.strictObject({ userId: z.uuid(), panelRole: z.enum(PANEL_ROLES).default('member') }))
    .max(30)
    .refine((members) => new Set(members.map((m) => m.userId)).size === members.length, 'each member once')
    .refine((members) => members.filter((m) => m.panelRole === 'chair').length <= 1, 'at most one chair'),
});

export const declarationBody = z.strictObject({
  /** The applications the member has a conflict of interest with (relative, former colleague, …); empty: none. */
  conflicts: z
    .array(z.strictObject({ applicationId: z.uuid(), reason: text(500).min(1) }))
    .max(500)
    .default([]),
});

export const declarationAnswer = z.object({
  campaignId: z.string(),
  declaredAt: timestamp.nullable(),
  panelRole: z.enum(PANEL_ROLES),
  conflicts: z.array(z.object({ applicationId: z.string(), reason: z.string() })),
  /** The applications to declare against (names only: the member needs them to see a conflict). */
  applications: z.array(z.object({ id: z.string(), candidateName: z.string(), positionTitle: z.string() })),
});

export const panelCandidatesQuery = z.strictObject({ search: text(100).optional() });
export const panelCandidates = z.object({
  items: z.array(z.object({ userId: z.string(), displayName: z.string(), role: z.string(), agencyName: z.string() })),
});

export const myPanels = z.object({
  items: z.array(
    z.object({
      campaignId: z.string(),
      code: z.string(),
      title: z.string(),
      status: z.enum(CAMPAIGN_STATUSES),
      panelRole: z.enum(PANEL_ROLES),
      declaredAt: timestamp.nullable(),
    }),
  ),
});
