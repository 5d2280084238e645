import type { Language } from '../../../platform/i18n/language.js';
import type { VerificationReason } from './verify.js';

/** Why a credential did not verify, in both languages (the verification endpoint answers in the caller's). */
const MESSAGES: Record<VerificationReason, Record<Language, string>> = {
  malformed_json: { vi: 'Nội dung dán vào không phải JSON hợp lệ.', en: 'The pasted text is not valid JSON.' },
  not_a_credential: {
    vi: 'Tài liệu không phải chứng chỉ số theo mô hình W3C Verifiable Credentials 2.0.',
    en: 'The document is not a W3C Verifiable Credential 2.0.',
  },
  unknown_context: {
    vi: 'Chứng chỉ dùng ngữ cảnh JSON-LD (@context) mà hệ thống không có; không thể kiểm tra.',
    en: 'The credential uses a JSON-LD context (@context) this system does not hold; it cannot be checked.',
  },
  no_proof: { vi: 'Chứng chỉ không có chữ ký số (proof).', en: 'The credential carries no signature (proof).' },
  unsupported_proof: { vi: 'Chữ ký số không theo chuẩn Data Integrity eddsa-rdfc-2022.', en: 'The signature is not a Data Integrity eddsa-rdfc-2022 proof.' },
  unknown_issuer_key: {
    vi: 'Khóa ký không thuộc cơ sở đào tạo nào trong hệ thống: không phải chứng chỉ do hệ thống cấp.',
    en: 'The signing key belongs to no training institution of this system: not a credential issued here.',
  },
  issuer_mismatch: {
    vi: 'Đơn vị cấp ghi trên chứng chỉ không khớp với khóa đã ký.',
    en: 'The issuer named on the credential does not match the key that signed it.',
  },
  signature_invalid: {
    vi: 'Chữ ký không khớp nội dung: chứng chỉ đã bị sửa sau khi ký hoặc được ký bằng khóa khác.',
    en: 'The signature does not match the content: the credential was changed after signing or signed with another key.',
  },
  malformed_json_ld: {
    vi: 'Chứng chỉ có trường không được định nghĩa hoặc cấu trúc JSON-LD sai.',
    en: 'The credential has undefined fields or malformed JSON-LD.',
  },
  revoked: { vi: 'Chứng chỉ đã bị cơ sở đào tạo thu hồi.', en: 'The credential has been revoked by the training institution.' },
};

export function verificationMessage(reason: VerificationReason, language: Language): string {
  return MESSAGES[reason][language];
}
