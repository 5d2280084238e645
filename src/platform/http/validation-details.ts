import type { Language } from '../i18n/language.js';

/** One refused field as the API answers it: where, what, and the limit, in the caller's language. */
export interface ValidationDetail {
  in: string;
  path: string;
  message: string;
  /** The kind of problem, for clients that word it themselves; absent for the app's own checks (their message says it). */
  issue?: 'too_long' | 'too_short' | 'too_big' | 'too_small' | 'too_many' | 'too_few' | 'format' | 'required' | 'type' | 'choice';
  limit?: number;
}

interface Issue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

type Known = NonNullable<ValidationDetail['issue']>;
const WORDS: Record<Known, Record<Language, (limit?: number) => string>> = {
  too_long: { vi: (n) => `tối đa ${n} ký tự`, en: (n) => `at most ${n} characters` },
  too_short: { vi: (n) => (n === 1 ? 'không được để trống' : `ít nhất ${n} ký tự`), en: (n) => (n === 1 ? 'must not be empty' : `at least ${n} characters`) },
  too_big: { vi: (n) => `tối đa ${n}`, en: (n) => `at most ${n}` },
  too_small: { vi: (n) => `tối thiểu ${n}`, en: (n) => `at least ${n}` },
  too_many: { vi: (n) => `tối đa ${n} mục`, en: (n) => `at most ${n} items` },
  too_few: { vi: (n) => `ít nhất ${n} mục`, en: (n) => `at least ${n} items` },
  format: { vi: () => 'sai định dạng', en: () => 'is not in the expected format' },
  required: { vi: () => 'bắt buộc', en: () => 'is required' },
  type: { vi: () => 'sai kiểu dữ liệu', en: () => 'has the wrong type' },
  choice: { vi: () => 'không nằm trong các lựa chọn cho phép', en: () => 'is not one of the allowed choices' },
};

function classify(issue: Issue): { issue: Known; limit?: number } | null {
  const p = issue.params ?? {};
  const origin = p.origin;
  switch (issue.keyword) {
    case 'too_big':
      return { issue: origin === 'string' ? 'too_long' : origin === 'array' ? 'too_many' : 'too_big', limit: Number(p.maximum) };
    case 'too_small':
      return { issue: origin === 'string' ? 'too_short' : origin === 'array' ? 'too_few' : 'too_small', limit: Number(p.minimum) };
    case 'invalid_format':
      return { issue: 'format' };
    case 'invalid_type':
      return { issue: p.input === undefined ? 'required' : 'type' };
    case 'invalid_value':
      return { issue: 'choice' };
    default:
      return null;
  }
}

/**
 * Zod's issues (as fastify-type-provider-zod hands them over) in the app's
 * error format: a dotted path the web forms match to their fields, and a
 * message that states the limit in the caller's language ("tối đa 20 ký tự").
 * The app's own checks (custom issues: NUL characters, nesting) keep their words.
 */
export function validationDetails(issues: readonly Issue[], where: string, language: Language): ValidationDetail[] {
  return issues.map((raw) => {
    const path = raw.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const known = classify(raw);
    if (!known) return { in: where, path, message: raw.message ?? '' };
    const limit = known.limit !== undefined && Number.isFinite(known.limit) ? known.limit : undefined;
    return { in: where, path, message: WORDS[known.issue][language](limit), issue: known.issue, ...(limit !== undefined && { limit }) };
  });
}
