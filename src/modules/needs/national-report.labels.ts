import type { Language } from '../../platform/i18n/language.js';

/** The national report's texts in the reader's language (issue 18: exports follow the user's language). */
export const NATIONAL_REPORT_LABELS = {
  vi: {
    documentTitle: (year: number) => `Báo cáo toàn quốc về năng lực và nhu cầu bồi dưỡng năm ${year}`,
    ministry: 'BỘ NỘI VỤ',
    republic: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    title: 'BÁO CÁO TOÀN QUỐC',
    subtitle: (year: number) => `Năng lực và nhu cầu đào tạo, bồi dưỡng cán bộ, công chức năm ${year}`,
    basis: (cycle: string) => `Căn cứ kết quả đợt đánh giá: ${cycle}`,
    assessed: 'I. SỐ NGƯỜI ĐƯỢC ĐÁNH GIÁ',
    people: (n: string) => `Số cán bộ, công chức được đánh giá: ${n}.`,
    meeting: (n: string, share: string) => `Đáp ứng đầy đủ yêu cầu năng lực của vị trí việc làm: ${n} (${share}).`,
    below: (share: string, gap: string) => `Tỷ lệ lượt đánh giá chưa đạt yêu cầu: ${share}; khoảng cách trung bình ${gap} cấp độ.`,
    byProvince: 'II. THEO TỈNH, THÀNH PHỐ',
    columns: {
      no: 'TT',
      province: 'Tỉnh, thành phố',
      people: 'Số được đánh giá',
      meeting: 'Đáp ứng yêu cầu',
      needShare: 'Tỷ lệ chưa đạt',
      meanGap: 'Khoảng cách TB',
    },
    central: 'Cơ quan trung ương',
    topGaps: 'III. NĂNG LỰC CẦN BỒI DƯỠNG NHIỀU NHẤT THEO NHÓM',
    noGap: 'Không có khoảng cách năng lực.',
    competencyLine: (code: string, name: string, share: string, needs: string, people: string, gap: string) =>
      `• ${code} — ${name}: ${share} lượt chưa đạt (${needs}/${people}), khoảng cách TB ${gap}.`,
    training: 'IV. KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG',
    trainingLine: (year: number, seats: string, people: string, courses: string) =>
      `Năm ${year}: ${seats} lượt hoàn thành khóa học, ${people} người được bồi dưỡng, ${courses} khóa học.`,
    note: 'Số liệu tổng hợp từ bảng tổng hợp nhu cầu; báo cáo không chứa dữ liệu của từng người.',
    fileName: 'bao-cao-toan-quoc.pdf',
  },
  en: {
    documentTitle: (year: number) => `National report on competencies and training needs, ${year}`,
    ministry: 'MINISTRY OF HOME AFFAIRS',
    republic: 'SOCIALIST REPUBLIC OF VIET NAM',
    motto: 'Independence - Freedom - Happiness',
    title: 'NATIONAL REPORT',
    subtitle: (year: number) => `Competencies and training needs of cadres and civil servants, ${year}`,
    basis: (cycle: string) => `Based on the results of the assessment cycle: ${cycle}`,
    assessed: 'I. PEOPLE ASSESSED',
    people: (n: string) => `Cadres and civil servants assessed: ${n}.`,
    meeting: (n: string, share: string) => `Meeting every competency requirement of their job position: ${n} (${share}).`,
    below: (share: string, gap: string) => `Share of results below the requirement: ${share}; mean gap ${gap} levels.`,
    byProvince: 'II. BY PROVINCE AND CITY',
    columns: {
      no: 'No.',
      province: 'Province or city',
      people: 'Assessed',
      meeting: 'Meeting the profile',
      needShare: 'Below the requirement',
      meanGap: 'Mean gap',
    },
    central: 'Central bodies',
    topGaps: 'III. COMPETENCIES MOST IN NEED OF TRAINING, BY GROUP',
    noGap: 'No competency gap.',
    competencyLine: (code: string, name: string, share: string, needs: string, people: string, gap: string) =>
      `• ${code} — ${name}: ${share} of results below the requirement (${needs}/${people}), mean gap ${gap}.`,
    training: 'IV. TRAINING COMPLETED',
    trainingLine: (year: number, seats: string, people: string, courses: string) =>
      `${year}: ${seats} course completions, ${people} people trained, ${courses} courses.`,
    note: 'Figures from the needs summaries; the report holds no data on any single person.',
    fileName: 'national-report.pdf',
  },
} satisfies Record<Language, unknown>;
