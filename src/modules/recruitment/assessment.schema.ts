import { z } from 'zod';
import { timestamp } from '../../platform/http/response-types.js';
import { formCompetency, scaleLevel } from '../assessment/assessment.responses.js';
import { TIE_BREAK_RULES } from './tie-break.js';

export const campaignParams = z.strictObject({ campaignId: z.uuid() });
export const applicationParams = z.strictObject({ applicationId: z.uuid() });
export const sheetParams = z.strictObject({ applicationId: z.uuid(), stageId: z.uuid() });
export const testParams = z.strictObject({ resultId: z.uuid() });
export const memberSheetParams = z.strictObject({ applicationId: z.uuid(), stageId: z.uuid(), userId: z.uuid() });
export const reopenBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
export const reopenAnswer = z.object({ sheetId: z.uuid(), reopenedAt: z.date() });

// Levels and scores are the rules' to check (rating-rules.ts, learning-tests.rules.ts): the error names the scale.
export const sheetBody = z.strictObject({
  ratings: z.array(z.strictObject({ competencyId: z.uuid(), level: z.number(), note: z.string().max(2000).optional() })).max(100),
  submit: z.boolean().default(false),
});
export const testAnswersBody = z.strictObject({ answers: z.record(z.string().max(40), z.number().int().min(0).max(20)) });
export const testScoresBody = z.strictObject({
  scores: z
    .array(z.strictObject({ competencyId: z.uuid(), score: z.number() }))
    .min(1)
    .max(100),
});
export const shortlistQuery = z.strictObject({
  factor: z.coerce.number().min(1).max(10).optional(),
  threshold: z.coerce.number().min(0).max(100).optional(),
});
export const shortlistBody = z.strictObject({ factor: z.number().min(1).max(10).optional(), threshold: z.number().min(0).max(100).optional() });
export const appointBody = z.strictObject({
  staffCode: z.string().trim().min(1).max(40),
  reason: z.string().trim().min(1).max(2000),
  startDate: z.iso.date().optional(),
  /** The register entry HR confirms the candidate is (one of GET …/register-matches). */
  personId: z.uuid().optional(),
  /** HR states the candidate is none of the matches: a new person. */
  newPerson: z.boolean().optional(),
});
export const registerMatchesAnswer = z.object({
  linkedPersonId: z.string().nullable(),
  items: z.array(
    z.object({
      personId: z.string(),
      staffCode: z.string(),
      fullName: z.string(),
      dateOfBirth: z.string().nullable(),
      agencyName: z.string(),
      status: z.string(),
      matchedOn: z.enum(['identity_number', 'name_and_birth']),
    }),
  ),
});

const consolidated = z.object({
  stageId: z.string(),
  competencyId: z.string(),
  level: z.number(),
  mean: z.number(),
  spread: z.number(),
  raters: z.number().int(),
  min: z.number(),
  max: z.number(),
  flag: z.enum(['panel_disagreement']).nullable(),
});
const rating = z.object({ competencyId: z.string(), level: z.number().int(), note: z.string() });

export const sheetAnswer = z.object({
  applicationId: z.string(),
  stage: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  candidate: z.object({ fullName: z.string() }),
  status: z.enum(['new', 'draft', 'submitted']),
  submittedAt: timestamp.nullable(),
  levels: z.array(scaleLevel),
  competencies: z.array(formCompetency),
  ratings: z.array(rating),
});

export const applicationRatingsAnswer = z.object({
  applicationId: z.string(),
  campaignId: z.string(),
  positionId: z.string(),
  sheets: z.array(
    z.object({ id: z.string(), stageId: z.string(), userId: z.string(), raterName: z.string(), submittedAt: timestamp.nullable(), ratings: z.array(rating) }),
  ),
  consolidated: z.array(consolidated),
});

const option = z.object({ vi: z.string(), en: z.string().optional() });
export const testPaperAnswer = z.object({
  resultId: z.string(),
  questions: z.array(z.object({ id: z.string(), stem: z.string(), stemEn: z.string().nullable(), options: z.array(option) })),
});
export const testResultAnswer = z.object({
  resultId: z.string(),
  scores: z.array(z.object({ competencyId: z.string(), score: z.number(), level: z.number().int() })),
});

const shortfall = z.object({
  competencyId: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  requiredLevel: z.number(),
  assessedLevel: z.number().nullable(),
  gap: z.number(),
});
const tieRule = z.enum(TIE_BREAK_RULES);

export const rankingAnswer = z.object({
  campaign: z.object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    status: z.string(),
    resultsPublishedAt: timestamp.nullable(),
    tieBreak: z.array(tieRule),
  }),
  stages: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), weight: z.number(), ordinal: z.number().int() })),
  positions: z.array(
    z.object({
      positionId: z.string(),
      title: z.string(),
      titleEn: z.string(),
      roleCategory: z.string(),
      posts: z.number().int(),
      appointed: z.number().int(),
      profile: z.array(
        z.object({
          competencyId: z.string(),
          code: z.string(),
          name: z.string(),
          nameEn: z.string(),
          requiredLevel: z.number(),
          criticality: z.number().nullable(),
          digital: z.boolean(),
        }),
      ),
      candidates: z.array(
        z.object({
          applicationId: z.string(),
          fullName: z.string(),
          status: z.string(),
          submittedAt: timestamp,
          priority: z.boolean(),
          rank: z.number().int(),
          fit: z.number(),
          digitalFit: z.number(),
          tied: z.boolean(),
          decidedBy: tieRule.nullable(),
          shortlisted: z.boolean(),
          disagreements: z.number().int(),
          stageFits: z.array(z.object({ stageId: z.string(), fit: z.number() })),
          levels: z.array(z.object({ competencyId: z.string(), level: z.number() })),
          shortfalls: z.array(shortfall),
        }),
      ),
    }),
  ),
});

export const publishAnswer = z.object({ campaignId: z.string(), resultsPublishedAt: timestamp });

export const myResultsAnswer = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      status: z.string(),
      campaignId: z.string(),
      campaignTitle: z.string(),
      positionTitle: z.string(),
      positionTitleEn: z.string(),
      resultsPublished: z.boolean(),
      result: z.object({ fit: z.number(), rank: z.number().int(), of: z.number().int(), shortlisted: z.boolean(), shortfalls: z.array(shortfall) }).nullable(),
    }),
  ),
});

export const fairnessAnswer = z.object({
  campaignId: z.string(),
  members: z.array(
    z.object({
      userId: z.string(),
      displayName: z.string(),
      panelRole: z.string(),
      sheets: z.number().int(),
      fits: z.object({ count: z.number().int(), mean: z.number(), median: z.number(), sd: z.number(), min: z.number(), max: z.number() }).nullable(),
      compared: z.number().int(),
      meanDeviation: z.number().nullable(),
      meanAbsoluteDeviation: z.number().nullable(),
      flag: z.enum(['far_from_others']).nullable(),
    }),
  ),
});

export const appointAnswer = z.object({
  applicationId: z.string(),
  status: z.literal('appointed'),
  personId: z.string(),
  staffCode: z.string(),
  cycleId: z.string(),
  planId: z.string().nullable(),
  fit: z.number(),
  rank: z.number().int(),
  reason: z.string(),
  courses: z.array(z.string()),
});
