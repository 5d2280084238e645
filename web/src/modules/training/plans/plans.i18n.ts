// The development plan's texts (issue 14, item 7), registered under `trainingPlans`
// when the pages load, like the needs module's: no edit races on the shared catalogues.

const vi = {
  title: 'Kế hoạch phát triển cá nhân',
  subtitle: 'Các khóa học giúp thu hẹp khoảng cách năng lực lớn nhất theo kết quả đánh giá {{cycle}}.',
  noStaffRecord: 'Tài khoản của bạn chưa gắn với hồ sơ cán bộ nên chưa có kế hoạch phát triển.',
  noResults: 'Chưa có kết quả đánh giá đã công bố, nên chưa có gợi ý khóa học. Kế hoạch sẽ có sau khi đợt đánh giá kết thúc.',
  noRecommendations: 'Không có khóa học nào trong danh mục giúp thu hẹp khoảng cách năng lực của bạn lúc này (hoặc bạn đã đạt yêu cầu).',
  recommended: 'Khóa học được gợi ý',
  inPlan: 'Khóa học trong kế hoạch',
  why: 'Vì sao',
  reason: '{{name}}: từ mức {{assessed}} lên {{reached}} (yêu cầu {{required}}, hệ số {{criticality}})',
  benefit: 'Mức thu hẹp khoảng cách: {{benefit}}',
  hours: '{{hours}} giờ',
  cost: 'Chi phí: {{cost}}',
  nextSessions: 'Lớp sắp mở',
  noSessions: 'Chưa có lớp mở đăng ký.',
  session: '{{code}}: {{from}} – {{to}}, {{place}} (còn {{seats}} chỗ, đăng ký đến {{closes}})',
  noSession: 'Chưa chọn lớp',
  choose: 'Chọn',
  chosen: 'Đã chọn',
  save: 'Lưu lựa chọn',
  submit: 'Gửi lãnh đạo phê duyệt',
  approve: 'Phê duyệt',
  return: 'Trả lại để chỉnh sửa',
  note: 'Ý kiến của lãnh đạo',
  status: {
    none: 'Chưa lập',
    draft: 'Đang soạn',
    submitted: 'Chờ phê duyệt',
    approved: 'Đã phê duyệt',
    returned: 'Lãnh đạo trả lại',
  },
  addedBy: { person: 'Tự chọn', leader: 'Lãnh đạo điều chỉnh' },
  saved: 'Đã lưu kế hoạch.',
  list: {
    title: 'Kế hoạch phát triển của cơ quan',
    person: 'Cán bộ',
    agency: 'Cơ quan',
    cycle: 'Đợt đánh giá',
    status: 'Trạng thái',
    courses: 'Số khóa học',
    cost: 'Tổng chi phí',
    empty: 'Chưa có kế hoạch nào: cán bộ lập kế hoạch từ trang “Kế hoạch phát triển” của mình sau khi có kết quả đánh giá.',
  },
};

const en: typeof vi = {
  title: 'Individual development plan',
  subtitle: 'Courses that close the largest competency gaps found in {{cycle}}.',
  noStaffRecord: 'Your account is not linked to a staff record, so there is no development plan.',
  noResults: 'No published assessment results yet, so no course is suggested. The plan comes once the assessment cycle closes.',
  noRecommendations: 'No course in the catalogue closes any of your gaps now (or you meet your profile).',
  recommended: 'Recommended courses',
  inPlan: 'Courses in the plan',
  why: 'Why',
  reason: '{{name}}: from level {{assessed}} to {{reached}} (required {{required}}, weight {{criticality}})',
  benefit: 'Gap closed: {{benefit}}',
  hours: '{{hours}} hours',
  cost: 'Cost: {{cost}}',
  nextSessions: 'Upcoming sessions',
  noSessions: 'No session open for enrolment yet.',
  session: '{{code}}: {{from}} – {{to}}, {{place}} ({{seats}} seats left, enrol by {{closes}})',
  noSession: 'No session chosen',
  choose: 'Choose',
  chosen: 'Chosen',
  save: 'Save choice',
  submit: 'Send to my leader for approval',
  approve: 'Approve',
  return: 'Return for changes',
  note: 'Leader’s note',
  status: {
    none: 'Not started',
    draft: 'Draft',
    submitted: 'Waiting for approval',
    approved: 'Approved',
    returned: 'Returned by the leader',
  },
  addedBy: { person: 'Chosen by the person', leader: 'Changed by the leader' },
  saved: 'The plan was saved.',
  list: {
    title: 'Development plans of the agency',
    person: 'Civil servant',
    agency: 'Agency',
    cycle: 'Assessment cycle',
    status: 'Status',
    courses: 'Courses',
    cost: 'Total cost',
    empty: 'No plan yet: civil servants make theirs from their “Development plan” page once their results are published.',
  },
};

export const plansMessages = { vi, en } as const;

interface ResourceRegistry {
  addResourceBundle(lng: string, ns: string, resources: object, deep?: boolean, overwrite?: boolean): unknown;
}

export function registerPlansMessages(i18n: ResourceRegistry): void {
  for (const language of ['vi', 'en'] as const) i18n.addResourceBundle(language, 'translation', { trainingPlans: plansMessages[language] }, true, true);
}
