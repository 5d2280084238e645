// Texts of the survey question-set editor (issue 16, item 1), registered under `questionSets` when the page loads.

const vi = {
  tab: 'Bộ câu hỏi khảo sát',
  title: 'Bộ câu hỏi khảo sát sau khóa học',
  hint: 'Học viên đã dự lớp trả lời bộ câu hỏi khi lớp kết thúc. Câu hỏi chỉ sửa được khi chưa có phiếu khảo sát nào dùng bộ câu hỏi.',
  create: 'Thêm bộ câu hỏi',
  edit: 'Sửa',
  none: 'Chưa có bộ câu hỏi nào.',
  columns: { title: 'Tên bộ câu hỏi', target: 'Áp dụng cho', questions: 'Số câu hỏi', state: 'Trạng thái' },
  course: 'Khóa học',
  coursePlaceholder: 'Chọn khóa học',
  session: 'Một lớp của khóa',
  active: 'Đang dùng',
  inactive: 'Đã tắt',
  inUse: 'Đã có phiếu khảo sát: không sửa được câu hỏi',
  activeLabel: 'Đang dùng (gửi cho các lớp kết thúc từ nay)',
  setTitle: 'Tên bộ câu hỏi',
  question: 'Câu {{n}}',
  kind: 'Loại câu hỏi',
  kinds: { scale: 'Thang điểm (Likert)', text: 'Trả lời tự do' },
  text: 'Nội dung (tiếng Việt)',
  textEn: 'Nội dung (tiếng Anh, không bắt buộc)',
  points: 'Các mức của thang',
  point: 'Mức {{n}} (tiếng Việt)',
  pointEn: 'Mức {{n}} (tiếng Anh)',
  addPoint: 'Thêm mức',
  removePoint: 'Bỏ mức {{n}}',
  addQuestion: 'Thêm câu hỏi',
  removeQuestion: 'Bỏ câu {{n}}',
  moveUp: 'Đưa câu {{n}} lên',
  save: 'Lưu',
  cancel: 'Hủy',
  saved: 'Đã lưu bộ câu hỏi.',
};

const en: typeof vi = {
  tab: 'Survey question sets',
  title: 'Post-course survey question sets',
  hint: 'Trainees who attended answer the set when the session ends. Questions can be changed only until a survey has used the set.',
  create: 'New question set',
  edit: 'Edit',
  none: 'No question sets yet.',
  columns: { title: 'Question set', target: 'For', questions: 'Questions', state: 'State' },
  course: 'Course',
  coursePlaceholder: 'Choose a course',
  session: 'One session of the course',
  active: 'Active',
  inactive: 'Switched off',
  inUse: 'Used by a survey: its questions can no longer change',
  activeLabel: 'Active (sent to sessions that end from now on)',
  setTitle: 'Name of the set',
  question: 'Question {{n}}',
  kind: 'Kind of question',
  kinds: { scale: 'Scale (Likert)', text: 'Free text' },
  text: 'Text (Vietnamese)',
  textEn: 'Text (English, optional)',
  points: 'Points of the scale',
  point: 'Point {{n}} (Vietnamese)',
  pointEn: 'Point {{n}} (English)',
  addPoint: 'Add a point',
  removePoint: 'Remove point {{n}}',
  addQuestion: 'Add a question',
  removeQuestion: 'Remove question {{n}}',
  moveUp: 'Move question {{n}} up',
  save: 'Save',
  cancel: 'Cancel',
  saved: 'Question set saved.',
};

export const questionSetsMessages = { vi, en } as const;

interface ResourceRegistry {
  addResourceBundle(lng: string, ns: string, resources: object, deep?: boolean, overwrite?: boolean): unknown;
}

export function registerQuestionSetsMessages(i18n: ResourceRegistry): void {
  for (const language of ['vi', 'en'] as const) i18n.addResourceBundle(language, 'translation', { questionSets: questionSetsMessages[language] }, true, true);
}
