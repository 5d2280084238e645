// The overview's to-do list and the national administrator's panel (issue 18, item 9), registered under
// `overviewTodo` when the page loads, like the needs module's texts: no edit races on the shared catalogues.

const vi = {
  title: 'Việc cần làm',
  empty: 'Không có việc cần làm',
  emptyHint: 'Khi có phiếu cần điền, đợt đánh giá cần đóng hay kế hoạch cần duyệt, việc đó sẽ hiện ở đây.',
  due: 'Hạn {{date}}',
  overdue: 'Quá hạn từ {{date}}',
  items: {
    'assessment.formsToFill': '{{count}} phiếu đánh giá cần điền',
    'assessment.followUpForms': '{{count}} phiếu đánh giá sau đào tạo cần điền',
    'assessment.cyclesToClose': '{{count}} đợt đánh giá đã quá ngày kết thúc, cần đóng',
    'assessment.ratersCannotSignIn': '{{count}} người đánh giá chưa đăng nhập được (chưa có tài khoản)',
    'people.importsFailed': '{{count}} lần nhập danh sách cán bộ bị lỗi',
    'planning.plansToApprove': '{{count}} kế hoạch đào tạo năm chờ phê duyệt',
    'training.plansToApprove': '{{count}} kế hoạch phát triển cá nhân chờ duyệt',
    'training.requestsToDecide': '{{count}} đăng ký học chờ quyết định',
    'training.sessionsToMark': '{{count}} lớp học đã kết thúc cần ghi điểm danh và kết quả',
    'evaluation.surveysToAnswer': '{{count}} phiếu khảo sát sau khóa học cần trả lời',
    'evaluation.postTestsToTake': '{{count}} bài kiểm tra sau khóa học cần làm',
    'evaluation.surveysToRelease': '{{count}} lớp đã kết thúc chưa phát phiếu khảo sát',
    'platform.jobsFailed': '{{count}} tác vụ nền bị lỗi',
  },
  other: '{{count}} việc khác ({{key}})',
  team: {
    title: 'Tập thể của tôi',
    hint: 'Tiến độ điền phiếu, khoảng cách năng lực và báo cáo in của những người bạn đánh giá.',
    open: 'Xem tập thể',
  },
  national: {
    title: 'Báo cáo toàn quốc',
    hint: 'Số người được đánh giá, theo tỉnh, khoảng cách lớn nhất theo nhóm năng lực và kết quả đào tạo (không có dữ liệu từng người).',
    pdf: 'Tải báo cáo toàn quốc (PDF)',
  },
  database: {
    size: 'Dung lượng',
    migrations: 'Số lần cập nhật cấu trúc',
  },
};

const en: typeof vi = {
  title: 'To do',
  empty: 'Nothing to do',
  emptyHint: 'When a form is waiting for you, a cycle needs closing or a plan needs approving, it shows here.',
  due: 'Due {{date}}',
  overdue: 'Overdue since {{date}}',
  items: {
    'assessment.formsToFill': '{{count}} assessment forms to fill in',
    'assessment.followUpForms': '{{count}} follow-up forms after training to fill in',
    'assessment.cyclesToClose': '{{count}} assessment cycles past their closing date, to close',
    'assessment.ratersCannotSignIn': '{{count}} raters who cannot sign in (no account)',
    'people.importsFailed': '{{count}} staff imports failed',
    'planning.plansToApprove': '{{count}} annual training plans waiting for approval',
    'training.plansToApprove': '{{count}} development plans waiting for your approval',
    'training.requestsToDecide': '{{count}} training requests waiting for your decision',
    'training.sessionsToMark': '{{count}} finished sessions to record attendance and results for',
    'evaluation.surveysToAnswer': '{{count}} course surveys to answer',
    'evaluation.postTestsToTake': '{{count}} post-course tests to take',
    'evaluation.surveysToRelease': '{{count}} finished sessions without a survey released',
    'platform.jobsFailed': '{{count}} background jobs failed',
  },
  other: '{{count}} other tasks ({{key}})',
  team: {
    title: 'My team',
    hint: 'Form completion, competency gaps and a printable report for the people you rate.',
    open: 'Open my team',
  },
  national: {
    title: 'National report',
    hint: 'People assessed, per province, the largest gaps per competency group and training completed (no per-person data).',
    pdf: 'Download the national report (PDF)',
  },
  database: {
    size: 'Size',
    migrations: 'Schema updates applied',
  },
};

export const overviewMessages = { vi, en } as const;

interface ResourceRegistry {
  addResourceBundle(lng: string, ns: string, resources: object, deep?: boolean, overwrite?: boolean): unknown;
}

export function registerOverviewMessages(i18n: ResourceRegistry): void {
  for (const language of ['vi', 'en'] as const) i18n.addResourceBundle(language, 'translation', { overviewTodo: overviewMessages[language] }, true, true);
}
