// The leader's team view (issue 18, item 10), registered under `teamView` when the page loads:
// no edit races on the shared catalogues.

const vi = {
  title: 'Tập thể của tôi',
  titleOf: 'Tập thể của {{name}}',
  subtitleDirect: '{{agency}} · những người {{name}} đánh giá với vai trò lãnh đạo trực tiếp',
  subtitleAgency: '{{agency}} · chưa có đợt đánh giá nào, nên tập thể là cán bộ của cơ quan',
  printPdf: 'In báo cáo tập thể (PDF)',
  completion: {
    title: 'Tiến độ điền phiếu',
    progress: 'Đã nộp {{submitted}}/{{total}} phiếu ({{share}})',
    progressLabel: 'Tỷ lệ phiếu của tập thể đã nộp',
    openCycle: 'Đợt đang mở: {{name}}, hạn {{date}}',
    noOpenCycle: 'Không có đợt đánh giá nào đang mở.',
  },
  members: {
    title: 'Thành viên',
    name: 'Họ và tên',
    staffCode: 'Mã cán bộ',
    formsToFill: 'Phiếu phải điền (đã nộp)',
    formsAbout: 'Phiếu đánh giá người này (đã nộp)',
    below: 'Năng lực chưa đạt',
    noResult: 'Chưa có kết quả',
    empty: 'Chưa có ai trong tập thể',
    emptyHint: 'Tập thể là những người bạn đánh giá với vai trò lãnh đạo trực tiếp; khi bộ phận tổ chức cán bộ phân công, họ sẽ hiện ở đây.',
  },
  gaps: {
    title: 'Khoảng cách năng lực của tập thể',
    basis: 'Từ kết quả tổng hợp của đợt {{name}} (kết thúc {{date}}); ý kiến của đồng nghiệp, cấp dưới chỉ được tính khi đủ số người để bảo đảm ẩn danh.',
    competency: 'Năng lực',
    group: 'Nhóm',
    people: 'Số được đánh giá',
    below: 'Số chưa đạt',
    meanGap: 'Khoảng cách trung bình',
    empty: 'Chưa có kết quả đã tổng hợp',
    emptyHint: 'Khoảng cách năng lực hiện ở đây khi một đợt đánh giá của tập thể đã tổng hợp và kết thúc.',
  },
};

const en: typeof vi = {
  title: 'My team',
  titleOf: 'Team of {{name}}',
  subtitleDirect: '{{agency}} · the people {{name}} rates as direct leader',
  subtitleAgency: '{{agency}} · no assessment cycle yet, so the team is the agency’s staff',
  printPdf: 'Print the team report (PDF)',
  completion: {
    title: 'Form completion',
    progress: '{{submitted}} of {{total}} forms submitted ({{share}})',
    progressLabel: 'Share of the team’s forms submitted',
    openCycle: 'Open cycle: {{name}}, due {{date}}',
    noOpenCycle: 'No assessment cycle is open.',
  },
  members: {
    title: 'Members',
    name: 'Name',
    staffCode: 'Staff code',
    formsToFill: 'Forms to fill (submitted)',
    formsAbout: 'Forms about them (submitted)',
    below: 'Competencies below',
    noResult: 'No result yet',
    empty: 'Nobody in the team yet',
    emptyHint: 'Your team is the people you rate as direct leader; they show here once HR assigns them.',
  },
  gaps: {
    title: 'The team’s competency gaps',
    basis: 'From the consolidated results of {{name}} (closed {{date}}); peers and subordinates count only when enough of them rated, for anonymity.',
    competency: 'Competency',
    group: 'Group',
    people: 'Assessed',
    below: 'Below required',
    meanGap: 'Mean gap',
    empty: 'No consolidated results yet',
    emptyHint: 'The team’s gaps show here once one of its assessment cycles is consolidated and closed.',
  },
};

export const teamMessages = { vi, en } as const;

interface ResourceRegistry {
  addResourceBundle(lng: string, ns: string, resources: object, deep?: boolean, overwrite?: boolean): unknown;
}

export function registerTeamMessages(i18n: ResourceRegistry): void {
  for (const language of ['vi', 'en'] as const) i18n.addResourceBundle(language, 'translation', { teamView: teamMessages[language] }, true, true);
}
