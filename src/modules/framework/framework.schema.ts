import { z } from 'zod';
import { FRAMEWORK_FORMATS, GROUP_KINDS, MAX_LEVELS } from './document.js';

/** Request shapes of the framework API (strict: an unknown field is a 400, not silently dropped). */

const localized = (max: number) => z.strictObject({ vi: z.string().max(max), en: z.string().max(max) });

export const frameworkDocumentBody = z.strictObject({
  code: z.string().max(100),
  name: localized(500),
  description: localized(10_000),
  attribution: z.string().max(2_000),
  levels: z
    .array(z.strictObject({ level: z.number().int().min(1).max(MAX_LEVELS), name: localized(200), description: localized(4_000) }))
    .max(MAX_LEVELS),
  groups: z.array(z.strictObject({ code: z.string().max(100), kind: z.enum(GROUP_KINDS), name: localized(500), description: localized(10_000) })).max(200),
  competencies: z
    .array(
      z.strictObject({
        code: z.string().max(100),
        groupCode: z.string().max(100),
        parentCode: z.string().max(100).nullable(),
        name: localized(500),
        description: localized(10_000),
        indicators: z.array(z.strictObject({ level: z.number().int().min(1).max(MAX_LEVELS), text: localized(4_000) })).max(200),
      }),
    )
    .max(2_000),
});

export const versionParams = z.strictObject({ versionId: z.uuid() });
export const frameworkParams = z.strictObject({ frameworkId: z.uuid() });
export const formatQuery = z.strictObject({ format: z.enum(FRAMEWORK_FORMATS) });
export const importQuery = z.strictObject({
  format: z.enum(FRAMEWORK_FORMATS),
  publish: z.enum(['true', 'false']).default('false'),
});
export const extensionBody = z.strictObject({
  code: z.string().min(1).max(100),
  name: z.strictObject({ vi: z.string().min(1).max(500), en: z.string().max(500) }),
});
