import { z } from 'zod';
import { fileResponse, timestamp } from '../../platform/http/response-types.js';
import { FRAMEWORK_FORMATS, GROUP_KINDS, MAX_LEVELS } from './document.js';
import { FRAMEWORK_SCOPES, VERSION_STATUSES } from './framework.tables.js';
import { MAX_CASE_IDENTIFIER, MAX_CASE_URI } from './formats/case-parse-identity.js';
import { LEVELS_CHOICES, STRUCTURE_CHOICES } from './import-choices.js';

/** Request shapes of the framework API (strict: an unknown field is a 400, not silently dropped). */

const localized = (max: number) => z.strictObject({ vi: z.string().max(max), en: z.string().max(max) });

// CASE names as the document carries them (case-identity.ts); the database refuses NUL in text.
const caseText = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\0]*$/, { error: 'NUL is not allowed' });
const nodeLinkBody = z.strictObject({ identifier: caseText(MAX_CASE_IDENTIFIER), uri: caseText(MAX_CASE_URI), title: caseText(MAX_CASE_URI) });
const namedBody = { identifier: caseText(MAX_CASE_IDENTIFIER), uri: caseText(MAX_CASE_URI) };
// An imported package's rubric names (document.ts CaseRubric, CaseCriterion), sent back as loaded by the editor.
const rubricBody = z.strictObject({ ...namedBody, title: caseText(MAX_CASE_URI), description: caseText(10_000) });
const criterionBody = z.strictObject({
  ...namedBody,
  rubric: caseText(MAX_CASE_IDENTIFIER),
  levels: z.array(z.strictObject({ level: z.number().int().min(1).max(MAX_LEVELS), ...namedBody })).max(MAX_LEVELS),
});
const caseNodeBody = {
  identifier: caseText(MAX_CASE_IDENTIFIER).optional(),
  uri: caseText(MAX_CASE_URI).optional(),
  itemType: caseText(MAX_CASE_IDENTIFIER).optional(),
};

export const frameworkDocumentBody = z.strictObject({
  identifier: caseText(MAX_CASE_IDENTIFIER).optional(),
  uri: caseText(MAX_CASE_URI).optional(),
  language: caseText(MAX_CASE_IDENTIFIER).optional(),
  creator: caseText(MAX_CASE_URI).optional(),
  base: nodeLinkBody.optional(),
  associations: z
    .array(
      z.strictObject({
        identifier: caseText(MAX_CASE_IDENTIFIER),
        uri: caseText(MAX_CASE_URI),
        type: caseText(MAX_CASE_IDENTIFIER),
        origin: nodeLinkBody,
        destination: nodeLinkBody,
        sequenceNumber: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
      }),
    )
    .max(20_000)
    .optional(),
  rubrics: z.array(rubricBody).max(200).optional(),
  code: z.string().max(100),
  name: localized(500),
  description: localized(10_000),
  attribution: z.string().max(2_000),
  levels: z.array(z.strictObject({ level: z.number().int().min(1).max(MAX_LEVELS), name: localized(200), description: localized(4_000) })).max(MAX_LEVELS),
  groups: z
    .array(z.strictObject({ code: z.string().max(100), kind: z.enum(GROUP_KINDS), name: localized(500), description: localized(10_000), ...caseNodeBody }))
    .max(200),
  competencies: z
    .array(
      z.strictObject({
        code: z.string().max(100),
        groupCode: z.string().max(100),
        parentCode: z.string().max(100).nullable(),
        name: localized(500),
        description: localized(10_000),
        indicators: z.array(z.strictObject({ level: z.number().int().min(1).max(MAX_LEVELS), text: localized(4_000) })).max(200),
        ...caseNodeBody,
        criterion: criterionBody.optional(),
      }),
    )
    .max(2_000),
  // What a Moodle CSV carried beyond the model (document.ts MoodleExtras): sent back as loaded by the editor.
  moodle: z
    .strictObject({
      taxonomies: z
        .array(z.string().max(100))
        .max(MAX_LEVELS + 2)
        .optional(),
      scaleId: z.string().max(100).nullable().optional(),
      scaleDefault: z.number().int().min(1).max(MAX_LEVELS).optional(),
      proficient: z.array(z.number().int().min(1).max(MAX_LEVELS)).max(MAX_LEVELS).optional(),
      exportIds: z.record(z.string().max(100), z.string().max(100)).optional(),
    })
    .optional(),
});

export const versionParams = z.strictObject({ versionId: z.uuid() });
export const frameworkParams = z.strictObject({ frameworkId: z.uuid() });
export const formatQuery = z.strictObject({ format: z.enum(FRAMEWORK_FORMATS) });
/** The answers to the preview's questions (import-choices.ts); a package that asks one is refused without its answer. */
const choiceFields = {
  structure: z.enum(STRUCTURE_CHOICES).optional(),
  groupName: z.string().max(500).optional(),
  levels: z.enum(LEVELS_CHOICES).optional(),
};
export const previewQuery = z.strictObject({ format: z.enum(FRAMEWORK_FORMATS), ...choiceFields });
export const importQuery = z.strictObject({
  format: z.enum(FRAMEWORK_FORMATS),
  publish: z.enum(['true', 'false']).default('false'),
  ...choiceFields,
});
/** Import from another system's CASE service: a CFPackages (or CFDocuments) address. */
export const importUrlBody = z.strictObject({ url: z.string().min(1).max(2_000), publish: z.boolean().default(false), ...choiceFields });
export const previewUrlBody = z.strictObject({ url: z.string().min(1).max(2_000), ...choiceFields });
export const extensionBody = z.strictObject({
  code: z.string().min(1).max(100),
  name: z.strictObject({ vi: z.string().min(1).max(500), en: z.string().max(500) }),
});

/*
 * Answers of the framework API (issue 13, one contract): the serializer checks
 * every answer against them and the web app's types are generated from them.
 * Plain objects (not strict): a field left out here is dropped from the answer.
 */

const text = z.object({ vi: z.string(), en: z.string() });
const status = z.enum(VERSION_STATUSES);
const scope = z.enum(FRAMEWORK_SCOPES);

const nodeLink = z.object({ identifier: z.string(), uri: z.string(), title: z.string() });
const caseNode = { identifier: z.string().optional(), uri: z.string().optional(), itemType: z.string().optional() };

/** What repo.loadDocument returns: the format-independent document (document.ts), in canonical order. */
const frameworkDocument = z.object({
  identifier: z.string().optional(),
  uri: z.string().optional(),
  language: z.string().optional(),
  creator: z.string().optional(),
  base: nodeLink.optional(),
  associations: z
    .array(
      z.object({
        identifier: z.string(),
        uri: z.string(),
        type: z.string(),
        origin: nodeLink,
        destination: nodeLink,
        sequenceNumber: z.number().int().nullable(),
      }),
    )
    .optional(),
  rubrics: z.array(z.object({ identifier: z.string(), uri: z.string(), title: z.string(), description: z.string() })).optional(),
  code: z.string(),
  name: text,
  description: text,
  attribution: z.string(),
  levels: z.array(z.object({ level: z.number().int(), name: text, description: text })),
  groups: z.array(z.object({ code: z.string(), kind: z.enum(GROUP_KINDS), name: text, description: text, ...caseNode })),
  competencies: z.array(
    z.object({
      code: z.string(),
      groupCode: z.string(),
      parentCode: z.string().nullable(),
      name: text,
      description: text,
      indicators: z.array(z.object({ level: z.number().int(), text })),
      ...caseNode,
      criterion: z
        .object({
          identifier: z.string(),
          uri: z.string(),
          rubric: z.string(),
          levels: z.array(z.object({ level: z.number().int(), identifier: z.string(), uri: z.string() })),
        })
        .optional(),
    }),
  ),
  moodle: z
    .object({
      taxonomies: z.array(z.string()).optional(),
      scaleId: z.string().nullable().optional(),
      scaleDefault: z.number().int().optional(),
      proficient: z.array(z.number().int()).optional(),
      exportIds: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
});

const frameworkSummary = z.object({
  id: z.string(),
  code: z.string(),
  scope,
  agencyName: z.string(),
  baseFrameworkId: z.string().nullable(),
  canEdit: z.boolean(),
  versions: z.array(
    z.object({
      id: z.string(),
      versionNo: z.number().int(),
      status,
      name: text,
      levelCount: z.number().int(),
      publishedAt: timestamp.nullable(),
      updatedAt: timestamp,
    }),
  ),
});
export type FrameworkSummary = z.infer<typeof frameworkSummary>;
export const frameworkList = z.object({ items: z.array(frameworkSummary) });

/** A version row of framework.repository.ts without its agency path (scope data, not for the client). */
export const versionDetail = z.object({
  version: z.object({
    id: z.string(),
    frameworkId: z.string(),
    code: z.string(),
    scope,
    agencyId: z.string(),
    agencyName: z.string(),
    baseFrameworkId: z.string().nullable(),
    baseVersionId: z.string().nullable(),
    versionNo: z.number().int(),
    status,
    nameVi: z.string(),
    nameEn: z.string(),
    levelCount: z.number().int(),
    publishedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    canEdit: z.boolean(),
  }),
  base: z.object({ id: z.string(), code: z.string(), versionNo: z.number().int(), name: text }).nullable(),
  document: frameworkDocument,
});

export const draftCreated = z.object({ versionId: z.string(), versionNo: z.number().int() });
export const extensionCreated = z.object({ frameworkId: z.string(), versionId: z.string() });

const importIssue = z.object({ location: z.string(), message: text });
const importDecision = z.object({ question: z.enum(['structure', 'levels']), choice: z.enum([...STRUCTURE_CHOICES, ...LEVELS_CHOICES]), message: text });
/** 201 when the import created the framework, 200 when it added or replaced a draft of an existing one. */
export const importOutcome = z.object({
  frameworkId: z.string(),
  versionId: z.string(),
  versionNo: z.number().int(),
  created: z.boolean(),
  warnings: z.array(importIssue),
  /** What was done for the questions the package asked (empty when it asked none). */
  decisions: z.array(importDecision),
});
export type ImportOutcome = z.infer<typeof importOutcome>;

export const importPreview = z.object({
  code: z.string(),
  name: text,
  groups: z.number().int(),
  competencies: z.number().int(),
  levels: z.number().int(),
  associations: z.number().int(),
  warnings: z.array(importIssue),
  questions: z.object({
    structure: z.object({ options: z.array(z.enum(STRUCTURE_CHOICES)), groupName: z.string() }).nullable(),
    levels: z.object({ options: z.array(z.enum(LEVELS_CHOICES)) }).nullable(),
  }),
});
export type ImportPreview = z.infer<typeof importPreview>;

/** The export's file: its type depends on the format asked for (formats/index.ts, serializeFramework). */
const exportDescription = 'The version in the format asked for (xlsx, Moodle CSV, CASE 1.1 JSON, DigComp JSON-LD)';
export const exportFile = fileResponse(
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv', 'application/json', 'application/ld+json'],
  exportDescription,
);
