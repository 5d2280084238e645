import type { Language } from '../../../platform/i18n/language.js';
import { errorMessage } from '../../../platform/i18n/error-messages.js';
import type { CourseIssue } from './course-rules.js';

/** Row-level problems of a catalogue file, in both languages; the report is given in the caller's. */
const MESSAGES = {
  required: { vi: 'Ô bắt buộc còn trống.', en: 'This cell is required.' },
  bad_code: {
    vi: 'Mã chỉ gồm chữ không dấu, số và . _ - (tối đa 40 ký tự).',
    en: 'Codes use letters without diacritics, digits and . _ - (at most 40 characters).',
  },
  not_number: { vi: 'Không phải số hợp lệ.', en: 'Not a valid number.' },
  hours: { vi: 'Số giờ phải lớn hơn 0 (một chữ số thập phân).', en: 'Hours must be above 0 (one decimal place).' },
  cost: { vi: 'Chi phí phải là số nguyên đồng, không âm.', en: 'The cost must be a whole number of dong, not negative.' },
  share: { vi: 'Tỷ lệ chuyên cần phải từ 0 đến 1 (ví dụ 0,8).', en: 'The attendance share must be between 0 and 1 (e.g. 0.8).' },
  score: { vi: 'Điểm đạt phải từ 0 đến 100.', en: 'The pass score must be between 0 and 100.' },
  level: { vi: 'Mức phải là số nguyên.', en: 'The level must be a whole number.' },
  format: {
    vi: 'Hình thức không hợp lệ (Trực tuyến, Tập trung trên lớp, Kết hợp, Thực hành mô phỏng, Kèm cặp tại vị trí việc làm, Luân chuyển vị trí).',
    en: 'Unknown format (online, classroom, blended, simulation, on-the-job, job rotation).',
  },
  institution: { vi: 'Mã cơ sở đào tạo khác với cơ sở đang nhập danh mục.', en: 'The institution code is not the institution being imported into.' },
  inconsistent: { vi: 'Khác với dòng đầu tiên của cùng khóa học.', en: 'Differs from the first row of the same course.' },
  unreadable: { vi: 'Không đọc được tệp Excel (.xlsx).', en: 'The Excel (.xlsx) file cannot be read.' },
  no_sheet: { vi: 'Tệp không có trang tính nào.', en: 'The file has no sheet.' },
  missing_columns: { vi: 'Thiếu cột: ', en: 'Missing columns: ' },
  empty: { vi: 'Tệp không có dòng dữ liệu nào.', en: 'The file has no data rows.' },
} as const;

export type ImportProblem = keyof typeof MESSAGES | CourseIssue['code'] | 'training_framework_version';

export function importMessage(problem: ImportProblem, language: Language, suffix = ''): string {
  const own = (MESSAGES as Record<string, { vi: string; en: string }>)[problem];
  return (own ? own[language] : errorMessage(problem as CourseIssue['code'], language)) + suffix;
}
