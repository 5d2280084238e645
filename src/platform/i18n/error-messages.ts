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
  data_dir_locked: {
    vi: 'Thư mục dữ liệu đang được một tiến trình NangLuc khác sử dụng.',
    en: 'The data directory is in use by another NangLuc process.',
  },
  internal_error: {
    vi: 'Đã xảy ra lỗi hệ thống. Dữ liệu của bạn không bị thay đổi.',
    en: 'An internal error occurred. Your data was not changed.',
  },
} satisfies Record<string, Record<Language, string>>;

export type ErrorCode = keyof typeof errorMessages;

export function errorMessage(code: ErrorCode, language: Language): string {
  return errorMessages[code][language];
}
