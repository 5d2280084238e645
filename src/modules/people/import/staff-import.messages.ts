import type { RowErrorCode } from './staff-import.validate.js';

/** Row-error texts for the downloadable report (the web app has the same keys in its i18n files). */
export const ROW_ERROR_MESSAGES: Record<RowErrorCode, { vi: string; en: string }> = {
  required: { vi: 'Thiếu giá trị bắt buộc', en: 'Required value missing' },
  too_long: { vi: 'Giá trị quá dài', en: 'Value too long' },
  unknown_agency: { vi: 'Không có cơ quan với mã này', en: 'No agency with this code' },
  agency_out_of_scope: { vi: 'Cơ quan ngoài phạm vi quản lý của bạn', en: 'Agency outside your scope' },
  position_not_in_agency: { vi: 'Vị trí việc làm không thuộc cơ quan này', en: 'The job position belongs to another agency' },
  unknown_position: { vi: 'Không có vị trí việc làm với mã này', en: 'No job position with this code' },
  duplicate_in_file: { vi: 'Mã cán bộ trùng với một dòng trước (số dòng trong ngoặc)', en: 'Staff code repeats an earlier row (row in brackets)' },
  staff_code_exists: { vi: 'Mã cán bộ đã có trong hồ sơ', en: 'Staff code already in the register' },
  invalid_date: { vi: 'Ngày không hợp lệ (dd/mm/yyyy)', en: 'Invalid date (dd/mm/yyyy)' },
  date_out_of_range: { vi: 'Ngày sinh ngoài khoảng 15–80 tuổi', en: 'Birth date outside ages 15–80' },
  invalid_gender: { vi: 'Giới tính phải là Nam, Nữ hoặc Khác', en: 'Gender must be Nam, Nữ or Khác' },
  invalid_role_category: { vi: 'Nhóm vai trò: Lãnh đạo, Quản lý, Chuyên môn, Hỗ trợ', en: 'Role category: leader, manager, professional, support' },
  invalid_status: { vi: 'Trạng thái: Đang làm việc, Nghỉ phép, Đã chuyển công tác, Nghỉ hưu', en: 'Status: active, on leave, transferred, retired' },
  invalid_email: { vi: 'Thư điện tử không hợp lệ', en: 'Invalid email address' },
};
