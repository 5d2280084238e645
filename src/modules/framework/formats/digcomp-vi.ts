/**
 * Vietnamese names for the DigComp 3.0 areas, competences and levels, so the
 * imported EU framework reads Vietnamese-first like the rest of NangLuc.
 * Translations by the NangLuc project; the English originals and all
 * descriptions and statements are the JRC's (CC BY 4.0), kept unmodified.
 */
export const DIGCOMP_VI_NAMES: Record<string, string> = {
  '1': 'Tìm kiếm, đánh giá và quản lý thông tin',
  '2': 'Giao tiếp và hợp tác',
  '3': 'Sáng tạo nội dung',
  '4': 'An toàn, sức khỏe và sử dụng có trách nhiệm',
  '5': 'Xác định và giải quyết vấn đề',
  '1.1': 'Duyệt, tìm kiếm và lọc thông tin',
  '1.2': 'Đánh giá thông tin',
  '1.3': 'Quản lý thông tin',
  '2.1': 'Tương tác qua và với công nghệ số',
  '2.2': 'Chia sẻ qua công nghệ số',
  '2.3': 'Tham gia đời sống công dân qua công nghệ số',
  '2.4': 'Hợp tác qua công nghệ số',
  '2.5': 'Ứng xử trên môi trường số',
  '2.6': 'Quản lý danh tính số',
  '3.1': 'Phát triển nội dung số',
  '3.2': 'Tích hợp và biên soạn lại nội dung số',
  '3.3': 'Bản quyền và giấy phép',
  '3.4': 'Tư duy máy tính và lập trình',
  '4.1': 'Bảo vệ thiết bị',
  '4.2': 'Bảo vệ dữ liệu cá nhân và quyền riêng tư',
  '4.3': 'Hỗ trợ sức khỏe và an sinh',
  '4.4': 'Tác động môi trường của công nghệ số',
  '5.1': 'Xác định và giải quyết sự cố kỹ thuật',
  '5.2': 'Xác định nhu cầu và giải pháp công nghệ số',
  '5.3': 'Sáng tạo giải pháp bằng công nghệ số',
  '5.4': 'Xác định và đáp ứng nhu cầu năng lực số',
};

export const DIGCOMP_VI_BANDS: Record<string, string> = {
  Basic: 'Cơ bản',
  Intermediate: 'Trung cấp',
  Advanced: 'Nâng cao',
  'Highly advanced': 'Chuyên sâu',
};

export const DIGCOMP_FRAMEWORK = {
  code: 'DIGCOMP-3.0',
  name: {
    vi: 'DigComp 3.0 — Khung năng lực số cho công dân (Liên minh châu Âu)',
    en: 'DigComp 3.0 — The Digital Competence Framework for Citizens',
  },
  description: {
    vi: 'Khung năng lực số của Liên minh châu Âu: 5 lĩnh vực, 21 năng lực, 8 mức thành thạo. Mô tả và tuyên bố năng lực giữ nguyên bản tiếng Anh của JRC.',
    en: 'The European Union digital competence framework: 5 areas, 21 competences, 8 proficiency levels.',
  },
  attribution:
    'DigComp 3.0 Data Supplement (2025-11-24), European Commission, Joint Research Centre (JRC). Licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Vietnamese names of areas, competences and levels translated by NangLuc.',
};
