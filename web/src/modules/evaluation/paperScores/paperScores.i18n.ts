// Texts of the paper-test score sheet of a session (issue 16, item 2), registered under `paperScores` when it loads.

const vi = {
  tab: 'Điểm kiểm tra',
  hint: 'Ghi điểm bài kiểm tra trên giấy (0–100, dùng dấu phẩy cho phần thập phân) cho từng năng lực của khóa học. Cả bảng được ghi một lần: nếu có dòng sai thì không dòng nào được ghi.',
  phase: 'Bài kiểm tra',
  pre: 'Đầu khóa',
  post: 'Cuối khóa',
  trainee: 'Học viên',
  staffCode: 'Mã cán bộ',
  recorded: 'Đã có điểm',
  online: 'Đã làm trực tuyến',
  scoreOf: 'Điểm {{competency}} của {{name}}',
  save: 'Lưu bảng điểm',
  saved: 'Đã ghi điểm của {{count}} học viên.',
  nothing: 'Chưa nhập điểm nào.',
  noTrainees: 'Lớp chưa có học viên.',
  noCompetencies: 'Khóa học chưa gắn năng lực nào.',
  errors: {
    learning_score_out_of_range: 'Điểm phải từ 0 đến 100.',
    learning_competency_invalid: 'Năng lực không thuộc khóa học.',
    learning_pre_test_first: 'Chưa có điểm đầu khóa: ghi điểm đầu khóa trước.',
    learning_test_submitted: 'Bài này đã có điểm; mỗi bài chỉ ghi một lần.',
    learning_not_enrolled: 'Học viên không còn chỗ trong lớp.',
  },
};

const en: typeof vi = {
  tab: 'Test scores',
  hint: 'Record the paper test scores (0–100) for each competency of the course. The whole table is recorded at once: if any row is wrong, no row is recorded.',
  phase: 'Test',
  pre: 'Pre-test',
  post: 'Post-test',
  trainee: 'Trainee',
  staffCode: 'Staff code',
  recorded: 'Scored',
  online: 'Taken online',
  scoreOf: '{{competency}} score of {{name}}',
  save: 'Save the scores',
  saved: 'Scores recorded for {{count}} trainees.',
  nothing: 'No score entered yet.',
  noTrainees: 'The session has no trainees yet.',
  noCompetencies: 'The course raises no competency yet.',
  errors: {
    learning_score_out_of_range: 'A score must be from 0 to 100.',
    learning_competency_invalid: 'The competency is not one the course raises.',
    learning_pre_test_first: 'No pre-test score yet: record the pre-test first.',
    learning_test_submitted: 'This test already has its scores; each is recorded once.',
    learning_not_enrolled: 'The trainee no longer has a seat in the session.',
  },
};

export const paperScoresMessages = { vi, en } as const;

interface ResourceRegistry {
  addResourceBundle(lng: string, ns: string, resources: object, deep?: boolean, overwrite?: boolean): unknown;
}

export function registerPaperScoresMessages(i18n: ResourceRegistry): void {
  for (const language of ['vi', 'en'] as const) i18n.addResourceBundle(language, 'translation', { paperScores: paperScoresMessages[language] }, true, true);
}
