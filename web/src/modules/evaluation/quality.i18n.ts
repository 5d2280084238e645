// The quality classification's texts (issue 16, item 4), registered under `quality` when the page loads.

const vi = {
  title: 'Đánh giá, xếp loại chất lượng',
  subtitle:
    'Xếp loại hằng năm theo Nghị định 335/2025/NĐ-CP: tiêu chí chung (tối đa 30 điểm) và kết quả thực hiện nhiệm vụ (tối đa 70 điểm), theo tháng hoặc quý.',
  year: 'Năm',
  person: 'Cán bộ',
  score: 'Điểm',
  eligible: 'Mức theo điểm',
  level: 'Xếp loại',
  notRecorded: 'Chưa ghi',
  edit: 'Ghi điểm',
  quota: 'Hoàn thành xuất sắc: {{excellent}} / tối đa {{quota}} (20% của {{good}} người hoàn thành tốt)',
  quotaExceeded: 'Vượt {{excess}} người so với tỷ lệ cho phép: hạ mức của một số người trước khi chốt.',
  finalize: 'Chốt kết quả năm',
  finalized: 'Đã chốt ngày {{date}}',
  import: 'Nhập các năm trước (Excel/CSV)',
  importHint: 'Cột: Mã cán bộ, Năm, Xếp loại (Nghị định 90/2020/NĐ-CP).',
  imported: 'Đã nhập {{imported}} dòng ({{created}} mới, {{updated}} cập nhật).',
  importErrors: 'Dòng {{row}}: {{field}} — {{code}}',
  quarter: 'Quý {{n}}',
  general: 'Tiêu chí chung (0–30)',
  tasks: 'Kết quả nhiệm vụ (0–70)',
  disqualified: 'Thuộc trường hợp không hoàn thành nhiệm vụ (kỷ luật…)',
  reason: 'Lý do',
  levelOverride: 'Mức xếp loại (không cao hơn mức theo điểm)',
  save: 'Lưu',
  empty: 'Cơ quan chưa có cán bộ trong danh sách.',
  levels: {
    excellent: 'Hoàn thành xuất sắc nhiệm vụ',
    good: 'Hoàn thành tốt nhiệm vụ',
    completed: 'Hoàn thành nhiệm vụ',
    not_completed: 'Không hoàn thành nhiệm vụ',
  },
};

const en: typeof vi = {
  title: 'Quality classification',
  subtitle: 'The annual classification of Decree 335/2025/NĐ-CP: general criteria (up to 30) and task results (up to 70), by month or quarter.',
  year: 'Year',
  person: 'Civil servant',
  score: 'Score',
  eligible: 'Level by score',
  level: 'Classification',
  notRecorded: 'Not recorded',
  edit: 'Record',
  quota: 'Excellent: {{excellent}} of at most {{quota}} (20 % of the {{good}} rated good)',
  quotaExceeded: '{{excess}} above the allowed share: lower some levels before making the year final.',
  finalize: 'Make the year final',
  finalized: 'Final since {{date}}',
  import: 'Import earlier years (Excel/CSV)',
  importHint: 'Columns: staff code, year, level (Decree 90/2020/NĐ-CP).',
  imported: 'Imported {{imported}} rows ({{created}} new, {{updated}} updated).',
  importErrors: 'Row {{row}}: {{field}} — {{code}}',
  quarter: 'Quarter {{n}}',
  general: 'General criteria (0–30)',
  tasks: 'Task results (0–70)',
  disqualified: 'A disqualifying condition applies (disciplinary measure…)',
  reason: 'Reason',
  levelOverride: 'Level (not above the level by score)',
  save: 'Save',
  empty: 'The agency has nobody on its staff list.',
  levels: { excellent: 'Excellent', good: 'Good', completed: 'Completed', not_completed: 'Not completed' },
};

export const qualityMessages = { vi, en } as const;

interface ResourceRegistry {
  addResourceBundle(lng: string, ns: string, resources: object, deep?: boolean, overwrite?: boolean): unknown;
}

export function registerQualityMessages(i18n: ResourceRegistry): void {
  for (const language of ['vi', 'en'] as const) i18n.addResourceBundle(language, 'translation', { quality: qualityMessages[language] }, true, true);
}
