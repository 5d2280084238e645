import type { ImportDecision, ImportQuestions } from './import-choices.js';
/**
 * The in-memory shape of one competency framework version, independent of
 * storage and of any interchange format. Every importer produces it, every
 * exporter consumes it, and "lossless round trip" means: parse(serialise(doc))
 * deep-equals doc. Array order is meaningful (it is the display order).
 */

/** Vietnamese first, English second. Either may be empty when a source has only one language. */
export interface LocalizedText {
  vi: string;
  en: string;
}

export const GROUP_KINDS = ['core', 'functional', 'technical'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** A scale has 2..8 levels numbered 1..n without gaps (DigComp uses 8, the national framework 5). */
export const MIN_LEVELS = 2;
export const MAX_LEVELS = 8;

export interface ScaleLevel {
  level: number;
  name: LocalizedText;
  description: LocalizedText;
}

/**
 * How other systems name a node (CASE 1.1): its identifier and URI are kept as
 * found on import and exported unchanged; NangLuc mints them only for what it
 * creates (case-identity.ts). Optional so that formats without identifiers
 * (xlsx, Moodle, DigComp) still describe a whole document.
 */
export interface CaseIdentity {
  identifier?: string;
  uri?: string;
  /** CASE CFItemType as found ("Standard", "Cluster"...); NangLuc's own items are "Competency Group" and "Competency". */
  itemType?: string;
}

export interface CompetencyGroup extends CaseIdentity {
  code: string;
  kind: GroupKind;
  name: LocalizedText;
  description: LocalizedText;
}

/** An observable behaviour that shows a competency at one level of the scale. */
export interface Indicator {
  level: number;
  text: LocalizedText;
}

/** A CFRubric of an imported package, kept as found (formats/case-rubric-identity.ts). */
export interface CaseRubric {
  identifier: string;
  uri: string;
  title: string;
  description: string;
}

/** The CFRubricCriterion of a competency and its criterion levels' names, kept as found. */
export interface CaseCriterion {
  identifier: string;
  uri: string;
  /** The identifier of the CFRubric it belongs to. */
  rubric: string;
  levels: Array<{ level: number; identifier: string; uri: string }>;
}

export interface Competency extends CaseIdentity {
  /** Its CASE rubric criterion's names when imported with other than NangLuc's (case-rubric-identity.ts). */
  criterion?: CaseCriterion;
  code: string;
  groupCode: string;
  /**
   * Sub-competency of another competency of the same group (CASE and Moodle
   * frameworks nest deeper than group → competency); null for a top competency.
   */
  parentCode: string | null;
  name: LocalizedText;
  description: LocalizedText;
  indicators: Indicator[];
}

/** One end of a CASE association: a node of this package, of another one (a national framework), or outside. */
export interface CaseNodeLink {
  identifier: string;
  uri: string;
  title: string;
}

/**
 * A CASE association kept as found (exactMatchOf, isRelatedTo, precedes,
 * isChildOf beyond the tree...). The tree's own isChildOf associations are
 * kept here too, so that their identifiers and sequence numbers survive.
 */
export interface CaseAssociation {
  identifier: string;
  uri: string;
  type: string;
  origin: CaseNodeLink;
  destination: CaseNodeLink;
  sequenceNumber: number | null;
}

export interface FrameworkDocument {
  /** The CFDocument's identifier and URI (kept as found, or minted by NangLuc). */
  identifier?: string;
  uri?: string;
  /** The document's language as found (BCP 47); NangLuc's own are "vi". */
  language?: string;
  /** The CFDocument's creator as found. */
  creator?: string;
  /** For an agency's extension: the national CFDocument it extends. */
  base?: CaseNodeLink;
  /** Every CASE association of the package, in the package's order. */
  associations?: CaseAssociation[];
  /** The package's CFRubrics when they are not the one NangLuc mints. */
  rubrics?: CaseRubric[];
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  /** Source and licence note kept with imported content (e.g. DigComp: JRC, CC BY 4.0). */
  attribution: string;
  levels: ScaleLevel[];
  groups: CompetencyGroup[];
  competencies: Competency[];
  /** What a Moodle file carried beyond these fields, so it re-exports as it came (formats/moodle-csv.ts). */
  moodle?: MoodleExtras;
}

/**
 * Moodle settings NangLuc has no place for. Only what differs from what our
 * Moodle export writes by default is kept, so a framework made in NangLuc has none.
 */
export interface MoodleExtras {
  /** Taxonomy per depth ("domain", "competency", "skill"...), from the framework row. */
  taxonomies?: string[];
  /** Scale configuration: the scale's id on the Moodle site, its default level, its proficient levels. */
  scaleId?: string | null;
  scaleDefault?: number;
  proficient?: number[];
  /** Moodle's "Exported ID" of each group and competency, by code. */
  exportIds?: Record<string, string>;
}

export const FRAMEWORK_FORMATS = ['moodle-csv', 'case', 'digcomp', 'xlsx'] as const;
export type FrameworkFormat = (typeof FRAMEWORK_FORMATS)[number];

/** One problem found in an imported file, located by row, cell or JSON path. */
export interface ImportIssue {
  /** "row 12", "CFItems[3].identifier", "Năng lực!B7"... as the user sees the file. */
  location: string;
  message: LocalizedText;
}

export type ParseResult =
  | {
      ok: true;
      document: FrameworkDocument;
      warnings?: ImportIssue[];
      /** What the user must decide about this file (import-choices.ts), and what was done for this parse. */
      questions?: ImportQuestions;
      decisions?: ImportDecision[];
    }
  | { ok: false; issues: ImportIssue[] };

export const emptyText = (): LocalizedText => ({ vi: '', en: '' });

/** NFC and trimmed: the same Vietnamese word typed on two keyboards is one string. */
export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function cleanLocalized(value: Partial<LocalizedText> | null | undefined): LocalizedText {
  return { vi: cleanText(value?.vi), en: cleanText(value?.en) };
}

/** Default five-level scale of the national framework (Vietnamese public-service usage). */
export function defaultLevels(count = 5): ScaleLevel[] {
  const five: Array<[string, string, string, string]> = [
    [
      'Nhận biết',
      'Awareness',
      'Biết và mô tả được các khái niệm cơ bản; thực hiện việc đơn giản khi có hướng dẫn.',
      'Knows and can describe the basic concepts; carries out simple tasks with guidance.',
    ],
    [
      'Áp dụng',
      'Application',
      'Áp dụng được vào công việc thường ngày theo quy trình có sẵn, cần hỗ trợ khi gặp tình huống mới.',
      'Applies it in routine work following established procedures; needs support in new situations.',
    ],
    [
      'Thành thạo',
      'Proficiency',
      'Thực hiện độc lập, đúng và đủ trong mọi tình huống thông thường của vị trí việc làm.',
      'Performs independently, correctly and completely in all usual situations of the job position.',
    ],
    [
      'Nâng cao',
      'Advanced',
      'Xử lý được tình huống phức tạp, hướng dẫn và hỗ trợ đồng nghiệp, đề xuất cải tiến.',
      'Handles complex situations, coaches and supports colleagues, proposes improvements.',
    ],
    [
      'Chuyên gia',
      'Expert',
      'Dẫn dắt, định hướng và xây dựng chuẩn mực cho cơ quan, ngành hoặc lĩnh vực.',
      'Leads, sets direction and builds standards for the agency, sector or field.',
    ],
  ];
  if (count === 5) {
    return five.map(([vi, en, dvi, den], i) => ({ level: i + 1, name: { vi, en }, description: { vi: dvi, en: den } }));
  }
  return Array.from({ length: count }, (_, i) => ({
    level: i + 1,
    name: { vi: `Mức ${i + 1}`, en: `Level ${i + 1}` },
    description: emptyText(),
  }));
}
