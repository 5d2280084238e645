import { z } from 'zod';
import { FRAMEWORK_SCOPES } from '../framework/framework.tables.js';
import { ADMIN_TIERS, ROLE_CATEGORIES } from './positions.tables.js';

/** Request shapes of the positions API (strict objects: unknown fields are a 400). */

const requirement = z.strictObject({
  competencyId: z.uuid(),
  requiredLevel: z.number().int().min(1).max(8),
  criticality: z.number().int().min(1).max(3),
});

export const positionParams = z.strictObject({ id: z.uuid() });
export const listQuery = z.strictObject({
  search: z.string().max(200).optional(),
  agencyId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export const createBody = z.strictObject({
  agencyId: z.uuid().optional(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[\p{L}\p{N}._\-/]+$/u),
  title: z.strictObject({ vi: z.string().trim().min(1).max(300), en: z.string().trim().max(300).default('') }),
  roleCategory: z.enum(ROLE_CATEGORIES),
  tier: z.enum(ADMIN_TIERS),
  fromTemplate: z.boolean().default(true),
});
export const updateBody = z.strictObject({
  title: z.strictObject({ vi: z.string().trim().min(1).max(300), en: z.string().trim().max(300).default('') }),
  roleCategory: z.enum(ROLE_CATEGORIES),
  tier: z.enum(ADMIN_TIERS),
});
export const profileBody = z.strictObject({ requirements: z.array(requirement).max(2_000) });
export const matrixBody = z.strictObject({
  changes: z
    .array(
      z.strictObject({
        positionId: z.uuid(),
        competencyId: z.uuid(),
        requiredLevel: z.number().int().min(1).max(8).nullable(),
        criticality: z.number().int().min(1).max(3).default(2),
      }),
    )
    .min(1)
    .max(20_000),
});
export const templateParams = z.strictObject({ role: z.enum(ROLE_CATEGORIES), tier: z.enum(ADMIN_TIERS) });

/*
 * Answers of the positions API (issue 13, one contract): the serializer checks
 * every answer against them and the web app's types are generated from them.
 */

const roleCategory = z.enum(ROLE_CATEGORIES);
const tier = z.enum(ADMIN_TIERS);

/** A position as the client sees it: positions.repository.ts PositionRow without its agency path. */
const position = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  roleCategory,
  tier,
  requirementCount: z.number().int(),
});
export type PositionAnswer = z.infer<typeof position>;
const editablePosition = position.extend({ canEdit: z.boolean() });

const requirementAnswer = z.object({ competencyId: z.string(), requiredLevel: z.number().int(), criticality: z.number().int() });
const cell = requirementAnswer.extend({ positionId: z.string() });

/** A competency of a published version a profile may require (repo.profileCompetencies). */
const profileCompetency = z.object({
  id: z.string(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  groupCode: z.string(),
  groupNameVi: z.string(),
  groupNameEn: z.string(),
  frameworkCode: z.string(),
  scope: z.enum(FRAMEWORK_SCOPES),
  versionId: z.string(),
  levelCount: z.number().int(),
});

export const positionList = z.object({ items: z.array(position) });
export const profileCompetencyList = z.object({ items: z.array(profileCompetency) });
export const matrixAnswer = z.object({ positions: z.array(editablePosition), competencies: z.array(profileCompetency), cells: z.array(cell) });
export const matrixSaved = z.object({ changed: z.number().int() });
export const templateAnswer = z.object({ items: z.array(requirementAnswer.extend({ code: z.string() })) });
export const positionCreated = z.object({ id: z.string() });
export const positionDetail = editablePosition.extend({ requirements: z.array(cell.extend({ code: z.string() })) });
