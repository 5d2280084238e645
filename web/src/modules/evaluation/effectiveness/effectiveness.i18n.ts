// The follow-up and effectiveness texts (issue 16, items 3, 5, 6), registered under `effectiveness` when the tab loads.

const vi = {
  tabs: { quality: 'Xếp loại chất lượng', effectiveness: 'Hiệu quả đào tạo', followups: 'Theo dõi sau đào tạo' },
  title: 'Hiệu quả đào tạo',
  subtitle:
    'Mức năng lực được đánh giá của học viên thay đổi bao nhiêu so với nhóm đối chứng chưa học (cùng năng lực, cùng mức thiếu hụt, cùng loại vị trí và cấp): chênh lệch kép với khoảng tin cậy 95%.',
  by: 'Xếp hạng theo',
  dimensions: { course: 'Khóa học', institution: 'Cơ sở đào tạo', competency: 'Năng lực', format: 'Hình thức' },
  formats: {
    online: 'Trực tuyến',
    classroom: 'Trên lớp',
    blended: 'Kết hợp',
    simulation: 'Mô phỏng',
    on_the_job: 'Tại chỗ làm việc',
    job_rotation: 'Luân chuyển',
  },
  columns: {
    rank: 'Hạng',
    name: 'Tên',
    effect: 'Hiệu quả (mức)',
    interval: 'Khoảng tin cậy 95%',
    trained: 'Học viên',
    comparison: 'Đối chứng',
    verdict: 'Kết luận',
  },
  verdicts: {
    raised: 'Nâng năng lực',
    no_difference: 'Chưa thấy khác biệt',
    lowered: 'Thấp hơn nhóm đối chứng',
    too_small: 'Nhóm quá nhỏ để kết luận (dưới {{min}} người)',
  },
  empty: 'Chưa có kết quả đánh giá sau đào tạo trong phạm vi của bạn.',
  open: 'Xem khóa học',
  back: 'Quay lại bảng xếp hạng',
  course: {
    overall: 'Toàn khóa học',
    plotTitle: 'Mức năng lực trước và sau',
    before: 'Trước khóa học',
    after: 'Sau khóa học',
    trained: 'Học viên',
    comparison: 'Nhóm đối chứng',
    statement: 'Học viên tăng {{treated}} mức, nhóm đối chứng tăng {{comparison}} mức: hiệu quả {{effect}} mức [{{low}}; {{high}}].',
    statementSmall: 'Có {{treatedN}} học viên và {{comparisonN}} người đối chứng: quá ít để kết luận (cần ít nhất {{min}} người mỗi nhóm).',
    byCompetency: 'Theo năng lực',
    report: 'Báo cáo đánh giá khóa học (PDF)',
  },
  annualReport: 'Báo cáo hiệu quả đào tạo năm (Excel)',
  followups: {
    title: 'Theo dõi sau đào tạo',
    subtitle: 'Đánh giá 360° rút gọn (lãnh đạo, đồng nghiệp, đối tác) về các năng lực đã học, tự động mở sau khi học viên hoàn thành khóa học.',
    settings: 'Số tháng sau khi hoàn thành',
    months: 'Tháng',
    windowDays: 'Số ngày để trả lời',
    save: 'Lưu',
    saved: 'Đã lưu.',
    inherited: 'Đang dùng thiết lập chung.',
    status: 'Trạng thái',
    all: 'Tất cả',
    statuses: { scheduled: 'Đã lên lịch', open: 'Đang đánh giá', closed: 'Đã hoàn tất', overdue: 'Quá hạn' },
    person: 'Học viên',
    course: 'Khóa học',
    due: 'Ngày đến hạn',
    progress: 'Đã trả lời',
    monthsAfter: '{{months}} tháng',
    empty: 'Chưa có lượt theo dõi nào.',
  },
};

const en: typeof vi = {
  tabs: { quality: 'Quality classification', effectiveness: 'Training effectiveness', followups: 'Follow-ups' },
  title: 'Training effectiveness',
  subtitle:
    'How much trainees’ assessed level changed against a comparison group not trained in it (same competency, same gap, same kind of post and tier): difference in differences with a 95 % confidence interval.',
  by: 'Rank by',
  dimensions: { course: 'Course', institution: 'Institution', competency: 'Competency', format: 'Format' },
  formats: { online: 'Online', classroom: 'Classroom', blended: 'Blended', simulation: 'Simulation', on_the_job: 'On the job', job_rotation: 'Job rotation' },
  columns: {
    rank: 'Rank',
    name: 'Name',
    effect: 'Effect (levels)',
    interval: '95 % interval',
    trained: 'Trainees',
    comparison: 'Comparison',
    verdict: 'Conclusion',
  },
  verdicts: {
    raised: 'Raises competency',
    no_difference: 'No difference seen yet',
    lowered: 'Below the comparison group',
    too_small: 'Groups too small to conclude (under {{min}} people)',
  },
  empty: 'No follow-up results in your scope yet.',
  open: 'Open course',
  back: 'Back to the ranking',
  course: {
    overall: 'Whole course',
    plotTitle: 'Level before and after',
    before: 'Before the course',
    after: 'After the course',
    trained: 'Trainees',
    comparison: 'Comparison group',
    statement: 'Trainees rose {{treated}} levels, the comparison group {{comparison}}: an effect of {{effect}} levels [{{low}}; {{high}}].',
    statementSmall: '{{treatedN}} trainees and {{comparisonN}} comparison people: too few to conclude (at least {{min}} in each group are needed).',
    byCompetency: 'By competency',
    report: 'Course evaluation report (PDF)',
  },
  annualReport: 'Annual training-effectiveness report (Excel)',
  followups: {
    title: 'Follow-ups after training',
    subtitle: 'Small 360° assessments (leader, colleagues, partners) of the trained competencies, opened automatically after a course is completed.',
    settings: 'Months after completion',
    months: 'Months',
    windowDays: 'Days to answer',
    save: 'Save',
    saved: 'Saved.',
    inherited: 'Using the general setting.',
    status: 'Status',
    all: 'All',
    statuses: { scheduled: 'Scheduled', open: 'Being assessed', closed: 'Done', overdue: 'Overdue' },
    person: 'Trainee',
    course: 'Course',
    due: 'Due',
    progress: 'Answered',
    monthsAfter: '{{months}} months',
    empty: 'No follow-ups yet.',
  },
};

export const effectivenessMessages = { vi, en } as const;

interface ResourceRegistry {
  addResourceBundle(lng: string, ns: string, resources: object, deep?: boolean, overwrite?: boolean): unknown;
}

export function registerEffectivenessMessages(i18n: ResourceRegistry): void {
  for (const language of ['vi', 'en'] as const) i18n.addResourceBundle(language, 'translation', { effectiveness: effectivenessMessages[language] }, true, true);
}
