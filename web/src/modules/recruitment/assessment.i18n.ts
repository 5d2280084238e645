// Texts of the campaign's assessment pages (issue 17): the panel's rating sheet, the ranking and shortlist, the
// fairness view and the appointment; registered under `recruitmentAssessment` when a page loads.

const vi = {
  rankingTitle: 'Xếp hạng ứng viên',
  rankingSubtitle:
    'Mức phù hợp với khung năng lực của vị trí việc làm, có trọng số theo mức độ quan trọng; bằng điểm thì phân định theo quy tắc của đợt tuyển dụng.',
  position: '{{title}} — chỉ tiêu {{posts}}, đã tuyển {{appointed}}',
  factor: 'Hệ số danh sách rút gọn (× chỉ tiêu)',
  threshold: 'Hoặc ngưỡng mức phù hợp (%)',
  rank: 'Hạng',
  name: 'Họ và tên',
  fit: 'Phù hợp (%)',
  digitalFit: 'Năng lực số (%)',
  shortfalls: 'Năng lực chưa đạt',
  shortlisted: 'Rút gọn',
  tie: 'Phân định',
  tied: 'Bằng điểm',
  disagreements: 'Hội đồng chênh ≥ 2 cấp ở {{count}} năng lực',
  none: 'Đạt hết',
  xlsx: 'Tải Excel',
  pdf: 'Tải PDF',
  recordShortlist: 'Ghi danh sách rút gọn',
  publish: 'Công bố kết quả',
  published: 'Đã công bố kết quả',
  appoint: 'Tuyển dụng',
  appointTitle: 'Tuyển dụng {{name}}',
  staffCode: 'Mã cán bộ',
  reason: 'Lý do quyết định',
  startDate: 'Ngày bắt đầu',
  confirm: 'Xác nhận',
  appointed: 'Đã tuyển dụng: {{staffCode}}',
  openPerson: 'Xem hồ sơ',
  fairnessTitle: 'Tính khách quan của hội đồng',
  member: 'Thành viên',
  sheets: 'Phiếu đã nộp',
  meanFit: 'Phù hợp TB',
  spreadFit: 'Độ lệch chuẩn',
  deviation: 'Lệch so với các thành viên khác (cấp độ)',
  farFromOthers: 'Chấm khác xa các thành viên khác',
  rules: { highest_weight_stage: 'Điểm vòng thi', digital_fit: 'Năng lực số', priority: 'Ưu tiên', earlier_submission: 'Nộp sớm hơn' },
  sheetTitle: 'Phiếu chấm: {{name}}',
  sheetSubtitle: 'Chấm độc lập: bạn chỉ xem được phiếu của thành viên khác sau khi đã nộp phiếu của mình.',
  required: 'Yêu cầu: cấp {{level}}',
  saveDraft: 'Lưu nháp',
  submit: 'Nộp phiếu',
  submitted: 'Phiếu đã nộp',
  saved: 'Đã lưu',
  empty: 'Chưa có ứng viên được đánh giá.',
};

const en: typeof vi = {
  rankingTitle: 'Candidate ranking',
  rankingSubtitle: 'Fit against the job position’s profile, weighted by criticality; equal fits are ordered by the campaign’s tie-break rules.',
  position: '{{title}} — {{posts}} posts, {{appointed}} appointed',
  factor: 'Shortlist factor (× posts)',
  threshold: 'Or a fit threshold (%)',
  rank: 'Rank',
  name: 'Full name',
  fit: 'Fit (%)',
  digitalFit: 'Digital (%)',
  shortfalls: 'Below the required level',
  shortlisted: 'Shortlist',
  tie: 'Tie broken by',
  tied: 'Equal',
  disagreements: 'Panel ≥ 2 levels apart on {{count}} competencies',
  none: 'All reached',
  xlsx: 'Download Excel',
  pdf: 'Download PDF',
  recordShortlist: 'Record the shortlist',
  publish: 'Publish results',
  published: 'Results published',
  appoint: 'Appoint',
  appointTitle: 'Appoint {{name}}',
  staffCode: 'Staff code',
  reason: 'Reason for the decision',
  startDate: 'Start date',
  confirm: 'Confirm',
  appointed: 'Appointed: {{staffCode}}',
  openPerson: 'Open the record',
  fairnessTitle: 'Fairness of the panel',
  member: 'Member',
  sheets: 'Sheets submitted',
  meanFit: 'Mean fit',
  spreadFit: 'Standard deviation',
  deviation: 'Distance from the other members (levels)',
  farFromOthers: 'Rates far from the others',
  rules: { highest_weight_stage: 'Stage score', digital_fit: 'Digital fit', priority: 'Priority', earlier_submission: 'Earlier application' },
  sheetTitle: 'Rating sheet: {{name}}',
  sheetSubtitle: 'Rate alone: you see the other members’ sheets only after submitting yours.',
  required: 'Required: level {{level}}',
  saveDraft: 'Save draft',
  submit: 'Submit',
  submitted: 'Submitted',
  saved: 'Saved',
  empty: 'No candidate has been assessed yet.',
};

export const recruitmentAssessmentMessages = { vi, en } as const;

interface ResourceRegistry {
  addResourceBundle(lng: string, ns: string, resources: object, deep?: boolean, overwrite?: boolean): unknown;
}

export function registerRecruitmentAssessmentMessages(i18n: ResourceRegistry): void {
  for (const language of ['vi', 'en'] as const) {
    i18n.addResourceBundle(language, 'translation', { recruitmentAssessment: recruitmentAssessmentMessages[language] }, true, true);
  }
}
