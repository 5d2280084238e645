import { GROUP_KINDS, MAX_LEVELS, MIN_LEVELS, type FrameworkDocument, type ImportIssue, type LocalizedText } from './document.js';

/** Where an element came from in the file, so the report names a row or a path the user can find. */
export interface Locator {
  framework(): string;
  level(index: number): string;
  group(index: number): string;
  competency(index: number): string;
  indicator(competencyIndex: number, indicatorIndex: number): string;
}

/** Paths into the document itself, for API bodies and formats without rows. */
export const documentLocator: Locator = {
  framework: () => 'framework',
  level: (i) => `levels[${i}]`,
  group: (i) => `groups[${i}]`,
  competency: (i) => `competencies[${i}]`,
  indicator: (c, i) => `competencies[${c}].indicators[${i}]`,
};

const CODE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._\-/:]*$/u;
const MAX_CODE = 100;

export function issue(location: string, vi: string, en: string): ImportIssue {
  return { location, message: { vi, en } };
}

/**
 * Every rule a framework version must satisfy before it is stored, reported all
 * at once (not first-error-only) so a user fixes a file in one pass, root
 * causes first: the file's own text, codes and scale, then names and groups,
 * then what hangs on them (parents, indicators). An issue that only follows
 * from another (a child of a duplicated code "missing" its parent) is left out.
 */
export function validateFramework(doc: FrameworkDocument, at: Locator = documentLocator, options: { allowNoLevels?: boolean } = {}): ImportIssue[] {
  const tiers: ImportIssue[][] = [[], [], []];
  const [roots, own, dependent] = tiers as [ImportIssue[], ImportIssue[], ImportIssue[]];
  const issues = roots;
  checkStorableText({ code: doc.code, name: doc.name, description: doc.description, attribution: doc.attribution }, at.framework(), issues);
  doc.levels.forEach((level, i) => checkStorableText(level, at.level(i), issues));
  doc.groups.forEach((group, i) => checkStorableText(group, at.group(i), issues));
  doc.competencies.forEach((competency, i) => {
    const { indicators, ...rest } = competency;
    checkStorableText(rest, at.competency(i), issues);
    indicators.forEach((indicator, k) => checkStorableText(indicator, at.indicator(i, k), issues));
  });
  checkCode(doc.code, at.framework(), issues);
  checkName(doc.name, at.framework(), own);

  const levelCount = doc.levels.length;
  // A draft imported "without levels" has none until they are added; publishing refuses it (framework.service.ts).
  const noLevelsYet = options.allowNoLevels === true && levelCount === 0;
  if (!noLevelsYet && (levelCount < MIN_LEVELS || levelCount > MAX_LEVELS)) {
    issues.push(
      issue(
        at.framework(),
        `Thang đo phải có từ ${MIN_LEVELS} đến ${MAX_LEVELS} mức (đang có ${levelCount}).`,
        `The scale must have ${MIN_LEVELS} to ${MAX_LEVELS} levels (found ${levelCount}).`,
      ),
    );
  }
  doc.levels.forEach((level, i) => {
    if (level.level !== i + 1) {
      issues.push(
        issue(
          at.level(i),
          `Mức thứ ${i + 1} phải mang số ${i + 1} (đang là ${level.level}).`,
          `Level ${i + 1} must be numbered ${i + 1} (found ${level.level}).`,
        ),
      );
    }
    checkName(level.name, at.level(i), own);
  });

  const groupCodes = new Set<string>();
  doc.groups.forEach((group, i) => {
    checkCode(group.code, at.group(i), issues);
    checkName(group.name, at.group(i), own);
    if (!(GROUP_KINDS as readonly string[]).includes(group.kind)) {
      own.push(
        issue(
          at.group(i),
          `Loại nhóm "${group.kind}" không hợp lệ (chỉ nhận: cốt lõi/core, chuyên môn/functional, kỹ thuật/technical).`,
          `Group kind "${group.kind}" is not valid (expected core, functional or technical).`,
        ),
      );
    }
    if (groupCodes.has(group.code)) issues.push(duplicate(at.group(i), group.code));
    groupCodes.add(group.code);
  });

  // The first occurrence of each code; a repeated code is reported once, at each repeat, and is the root cause
  // of anything its children would report about their parent.
  const competencyIndex = new Map<string, number>();
  const repeated = new Set<string>();
  doc.competencies.forEach((competency, i) => {
    if (competencyIndex.has(competency.code) || groupCodes.has(competency.code)) {
      issues.push(duplicate(at.competency(i), competency.code));
      repeated.add(competency.code);
    }
    if (!competencyIndex.has(competency.code)) competencyIndex.set(competency.code, i);
  });

  doc.competencies.forEach((competency, i) => {
    const where = at.competency(i);
    checkCode(competency.code, where, issues);
    checkName(competency.name, where, own);
    if (!groupCodes.has(competency.groupCode)) {
      own.push(issue(where, `Nhóm "${competency.groupCode}" không tồn tại.`, `Group "${competency.groupCode}" does not exist.`));
    }
    if (competency.parentCode !== null && !repeated.has(competency.parentCode) && !repeated.has(competency.code))
      checkParent(doc, i, competencyIndex, groupCodes, where, dependent);
    competency.indicators.forEach((indicator, k) => {
      if (!Number.isInteger(indicator.level) || indicator.level < 1 || indicator.level > levelCount) {
        dependent.push(
          issue(
            at.indicator(i, k),
            `Chỉ báo gắn với mức ${indicator.level}, nhưng thang đo chỉ có ${levelCount} mức.`,
            `Indicator is for level ${indicator.level} but the scale has ${levelCount} levels.`,
          ),
        );
      }
      if (!indicator.text.vi && !indicator.text.en) {
        dependent.push(issue(at.indicator(i, k), 'Chỉ báo không có nội dung.', 'The indicator has no text.'));
      }
    });
  });
  return tiers.flat();
}

/**
 * Text PostgreSQL cannot store (U+0000) or that is not Unicode (a lone surrogate)
 * is reported at its place, instead of failing the insert with a 500 (issue 12).
 */
function checkStorableText(element: object, where: string, issues: ImportIssue[]): void {
  const bad = (v: unknown): boolean =>
    typeof v === 'string' ? v.includes('\0') || /\p{Cs}/u.test(v) : v !== null && typeof v === 'object' && Object.values(v).some(bad);
  if (bad(element))
    issues.push(issue(where, 'Có ký tự không hợp lệ (ký tự NUL hoặc mã Unicode hỏng).', 'Contains an invalid character (a NUL or broken Unicode).'));
}

function checkParent(doc: FrameworkDocument, index: number, byCode: Map<string, number>, groupCodes: Set<string>, where: string, issues: ImportIssue[]): void {
  const competency = doc.competencies[index]!;
  const parentIndex = byCode.get(competency.parentCode!);
  if (parentIndex === undefined) {
    issues.push(issue(where, `Năng lực cha "${competency.parentCode}" không tồn tại.`, `Parent competency "${competency.parentCode}" does not exist.`));
    return;
  }
  // With an unknown group on either side, the group is the problem (reported), not the pairing.
  const parentGroup = doc.competencies[parentIndex]!.groupCode;
  if (parentGroup !== competency.groupCode && groupCodes.has(parentGroup) && groupCodes.has(competency.groupCode)) {
    issues.push(issue(where, 'Năng lực con phải thuộc cùng nhóm với năng lực cha.', 'A sub-competency must belong to the same group as its parent.'));
  }
  // Walk up the chain: a cycle would make the tree infinite.
  const seen = new Set<string>([competency.code]);
  let cursor: string | null = competency.parentCode;
  while (cursor !== null) {
    if (seen.has(cursor)) {
      issues.push(issue(where, 'Quan hệ cha–con tạo thành vòng lặp.', 'The parent–child relation forms a cycle.'));
      return;
    }
    seen.add(cursor);
    const next = byCode.get(cursor);
    cursor = next === undefined ? null : doc.competencies[next]!.parentCode;
  }
}

function checkCode(code: string, where: string, issues: ImportIssue[]): void {
  if (!code) {
    issues.push(issue(where, 'Thiếu mã.', 'The code is missing.'));
  } else if (code.length > MAX_CODE || !CODE_PATTERN.test(code)) {
    issues.push(
      issue(
        where,
        `Mã "${code}" không hợp lệ (chữ, số và . _ - / :, tối đa ${MAX_CODE} ký tự, không có khoảng trắng).`,
        `Code "${code}" is not valid (letters, digits and . _ - / :, at most ${MAX_CODE} characters, no spaces).`,
      ),
    );
  }
}

function checkName(name: LocalizedText, where: string, issues: ImportIssue[]): void {
  if (!name.vi && !name.en) issues.push(issue(where, 'Thiếu tên.', 'The name is missing.'));
}

function duplicate(where: string, code: string): ImportIssue {
  return issue(where, `Mã "${code}" bị trùng.`, `Code "${code}" is used more than once.`);
}
