import type { Language } from './language.js';

/**
 * Every error code the API can answer with, and its message in both languages.
 * Codes are stable (clients branch on them); messages may be reworded.
 */
export const errorMessages = {
  validation_failed: { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The submitted data is not valid.' },
  invalid_json: { vi: 'Nội dung yêu cầu không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  unsupported_media_type: { vi: 'Định dạng nội dung không được hỗ trợ.', en: 'Unsupported content type.' },
  body_too_large: { vi: 'Nội dung gửi lên quá lớn.', en: 'The request body is too large.' },
  bad_request: { vi: 'Yêu cầu không hợp lệ.', en: 'Bad request.' },
  // HTTP-level refusals answered before routing (issue 12, defect 5)
  uri_too_long: { vi: 'Địa chỉ yêu cầu quá dài.', en: 'The request address is too long.' },
  headers_too_large: { vi: 'Phần đầu (header) của yêu cầu quá lớn.', en: 'The request headers are too large.' },
  request_timeout: { vi: 'Yêu cầu gửi lên quá chậm nên đã bị ngắt.', en: 'The request took too long to arrive.' },
  route_not_found: { vi: 'Không tìm thấy địa chỉ yêu cầu.', en: 'No such endpoint.' },
  not_found: { vi: 'Không tìm thấy dữ liệu yêu cầu.', en: 'The requested record was not found.' },
  unauthenticated: { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  csrf_invalid: {
    vi: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.',
    en: 'Invalid session token; please reload the page.',
  },
  invalid_credentials: {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  too_many_requests: {
    vi: 'Quá nhiều lần thử. Vui lòng thử lại sau ít phút.',
    en: 'Too many attempts. Please try again in a few minutes.',
  },
  already_exists: { vi: 'Bản ghi đã tồn tại.', en: 'The record already exists.' },
  referenced_record: {
    vi: 'Dữ liệu tham chiếu không tồn tại hoặc đang được sử dụng.',
    en: 'A referenced record does not exist or is still in use.',
  },
  invalid_value: { vi: 'Giá trị không hợp lệ.', en: 'Invalid value.' },
  database_unavailable: {
    vi: 'Tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút; dữ liệu đã lưu không bị mất.',
    en: 'The database is temporarily unavailable. Please try again in a moment; saved data is not lost.',
  },
  data_dir_locked: {
    vi: 'Thư mục dữ liệu đang được một tiến trình NangLuc khác sử dụng.',
    en: 'The data directory is in use by another NangLuc process.',
  },
  // org and people (issue 4)
  agency_dissolved: { vi: 'Cơ quan đã giải thể hoặc sáp nhập.', en: 'The agency has been dissolved or merged.' },
  agency_cycle: { vi: 'Không thể đặt cơ quan vào bên trong chính nó.', en: 'An agency cannot be placed inside itself.' },
  agency_not_empty: { vi: 'Cơ quan vẫn còn công chức đang làm việc hoặc đơn vị trực thuộc; hãy điều chuyển hoặc sáp nhập trước khi giải thể.', en: 'The agency still has active staff or sub-agencies; transfer them or merge the agency instead.' },
  unknown_admin_unit: { vi: 'Không có đơn vị hành chính này.', en: 'No such administrative unit.' },
  unknown_position: { vi: 'Không có vị trí việc làm này.', en: 'No such job position.' },
  position_not_in_agency: { vi: 'Vị trí việc làm không thuộc cơ quan này.', en: 'The job position belongs to another agency.' },
  staff_code_exists: { vi: 'Mã cán bộ đã tồn tại.', en: 'The staff code already exists.' },
  import_file_empty: { vi: 'Tệp không có dữ liệu.', en: 'The file has no data.' },
  import_file_unreadable: { vi: 'Không đọc được tệp (chỉ nhận .xlsx hoặc .csv UTF-8).', en: 'The file cannot be read (only .xlsx or UTF-8 .csv).' },
  import_too_many_rows: { vi: 'Tệp có quá nhiều dòng.', en: 'The file has too many rows.' },
  import_not_ready: { vi: 'Lượt nhập chưa sẵn sàng hoặc đã kết thúc.', en: 'The import is not ready or already finished.' },
  import_missing_columns: { vi: 'Chưa ghép đủ các cột bắt buộc.', en: 'Required columns are not mapped.' },
  import_limit_reached: {
    vi: 'Bạn đang có quá nhiều tệp nhập chưa xong (tối đa 3 tệp, tổng 100 MB): hãy nhập hoặc hủy các lượt cũ, hoặc đợi chúng hết hạn sau 2 giờ.',
    en: 'You have too many unfinished import files (at most 3 files, 100 MB in all): commit or cancel the earlier ones, or wait for them to expire after 2 hours.',
  },
  import_has_errors: { vi: 'Còn dòng lỗi: sửa tệp rồi tải lên lại; không dòng nào được nhập.', en: 'Some rows have errors: fix the file and upload again; nothing was imported.' },
  // assessment (issue 5)
  assessment_form_submitted: { vi: 'Phiếu đánh giá đã nộp, không thể sửa. Liên hệ cán bộ tổ chức để mở lại.', en: 'The rating form has been submitted and cannot be changed. Ask HR to reopen it.' },
  assessment_form_incomplete: { vi: 'Phiếu chưa chấm đủ mọi năng lực.', en: 'Not every competency on the form has a level.' },
  assessment_form_mismatch: { vi: 'Năng lực hoặc mức không thuộc phiếu đánh giá này.', en: 'A competency or level does not belong to this form.' },
  assessment_cycle_not_open: { vi: 'Đợt đánh giá chưa mở hoặc đã đóng.', en: 'The assessment cycle is not open.' },
  assessment_invalid_settings: { vi: 'Thiết lập đợt đánh giá không hợp lệ.', en: 'The assessment cycle settings are not valid.' },
  assessment_no_questions: { vi: 'Ngân hàng câu hỏi của năng lực này chưa đủ câu.', en: 'The question bank of this competency has too few questions.' },
  assessment_test_submitted: { vi: 'Bài kiểm tra đã nộp.', en: 'The test has already been submitted.' },
  assessment_not_rated: { vi: 'Người này không thuộc đợt đánh giá.', en: 'This person is not part of the assessment cycle.' },
  framework_invalid: {
    vi: 'Khung năng lực có lỗi nên chưa có gì được lưu. Xem danh sách lỗi theo từng dòng.',
    en: 'The framework has errors, so nothing was saved. See the list of errors by row.',
  },
  framework_version_immutable: {
    vi: 'Phiên bản này đã công bố hoặc đã ngừng áp dụng nên không thể sửa; hãy tạo bản nháp mới.',
    en: 'This version is published or retired and cannot be changed; start a new draft.',
  },
  framework_draft_exists: {
    vi: 'Khung năng lực này đã có một bản nháp đang soạn.',
    en: 'This framework already has a draft in progress.',
  },
  framework_not_published: {
    vi: 'Khung năng lực chưa có phiên bản công bố.',
    en: 'The framework has no published version.',
  },
  position_competency_invalid: {
    vi: 'Năng lực không thuộc phiên bản khung năng lực đang công bố, hoặc mức yêu cầu vượt thang đo.',
    en: 'The competency is not in a published framework version, or the required level is beyond its scale.',
  },
  // training catalogue (issue 14)
  training_level_outside_scale: { vi: 'Mức năng lực nằm ngoài thang đo của phiên bản khung năng lực.', en: 'The proficiency level is outside the scale of the framework version.' },
  training_level_order: { vi: 'Mức sau khóa học phải cao hơn mức đầu vào.', en: 'The level after the course must be above the entry level.' },
  training_competency_other_version: { vi: 'Năng lực không thuộc phiên bản khung năng lực của khóa học.', en: 'The competency is not in the course’s framework version.' },
  training_duplicate_competency: { vi: 'Một năng lực được khai báo hai lần.', en: 'A competency is listed twice.' },
  training_prerequisite_cycle: { vi: 'Điều kiện tiên quyết tạo thành vòng lặp giữa các khóa học.', en: 'The prerequisites form a loop between courses.' },
  training_prerequisite_unknown: { vi: 'Khóa học tiên quyết không tồn tại hoặc đã ngừng.', en: 'The prerequisite course does not exist or is retired.' },
  training_course_retired: { vi: 'Phiên bản khóa học này đã ngừng; hãy sửa phiên bản hiện hành.', en: 'This course version is retired; edit the current version.' },
  training_framework_version: { vi: 'Phiên bản khung năng lực không tồn tại hoặc chưa công bố.', en: 'The framework version does not exist or is not published.' },
  training_staff_not_trainer: { vi: 'Chỉ tài khoản giảng viên/cơ sở đào tạo đang hoạt động mới được gắn vào cơ sở đào tạo.', en: 'Only active trainer accounts can be linked to an institution.' },
  training_staff_elsewhere: { vi: 'Tài khoản đã thuộc một cơ sở đào tạo khác.', en: 'The account already serves another institution.' },
  training_import_invalid: { vi: 'Tệp danh mục có lỗi nên chưa có gì được nhập. Xem danh sách lỗi theo từng dòng.', en: 'The catalogue file has errors, so nothing was imported. See the list of errors by row.' },
  internal_error: {
    vi: 'Đã xảy ra lỗi hệ thống. Dữ liệu của bạn không bị thay đổi.',
    en: 'An internal error occurred. Your data was not changed.',
  },
} satisfies Record<string, Record<Language, string>>;

export type ErrorCode = keyof typeof errorMessages;

export function errorMessage(code: ErrorCode, language: Language): string {
  return errorMessages[code][language];
}
