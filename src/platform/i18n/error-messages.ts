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
  agency_not_empty: {
    vi: 'Cơ quan vẫn còn công chức đang làm việc hoặc đơn vị trực thuộc; hãy điều chuyển hoặc sáp nhập trước khi giải thể.',
    en: 'The agency still has active staff or sub-agencies; transfer them or merge the agency instead.',
  },
  unknown_admin_unit: { vi: 'Không có đơn vị hành chính này.', en: 'No such administrative unit.' },
  unknown_position: { vi: 'Không có vị trí việc làm này.', en: 'No such job position.' },
  position_not_in_agency: { vi: 'Vị trí việc làm không thuộc cơ quan này.', en: 'The job position belongs to another agency.' },
  staff_code_exists: { vi: 'Mã cán bộ đã tồn tại.', en: 'The staff code already exists.' },
  import_file_empty: { vi: 'Tệp không có dữ liệu.', en: 'The file has no data.' },
  import_file_unreadable: { vi: 'Không đọc được tệp (chỉ nhận .xlsx hoặc .csv UTF-8).', en: 'The file cannot be read (only .xlsx or UTF-8 .csv).' },
  import_file_wrong_format: {
    vi: 'Tệp không phải bảng tính Excel (xlsx) hay tệp CSV: chi tiết cho biết tệp là gì.',
    en: 'The file is neither an Excel workbook (xlsx) nor a CSV file: the details say what it is.',
  },
  import_too_many_rows: { vi: 'Tệp có quá nhiều dòng.', en: 'The file has too many rows.' },
  import_not_ready: { vi: 'Lượt nhập chưa sẵn sàng hoặc đã kết thúc.', en: 'The import is not ready or already finished.' },
  import_missing_columns: { vi: 'Chưa ghép đủ các cột bắt buộc.', en: 'Required columns are not mapped.' },
  import_limit_reached: {
    vi: 'Bạn đang có quá nhiều tệp nhập chưa xong (tối đa 3 tệp, tổng 100 MB): hãy nhập hoặc hủy các lượt cũ, hoặc đợi chúng hết hạn sau 2 giờ.',
    en: 'You have too many unfinished import files (at most 3 files, 100 MB in all): commit or cancel the earlier ones, or wait for them to expire after 2 hours.',
  },
  // the position matrix file (issue 18, item 8): a cell's problem in the preview, and a file of another kind
  position_out_of_scope: {
    vi: 'Vị trí việc làm thuộc cơ quan ngoài phạm vi được sửa: ô này không thay đổi được.',
    en: 'The position belongs to an agency outside what you may edit: this cell cannot change.',
  },
  unknown_competency: {
    vi: 'Không có năng lực mã này trong khung năng lực của cơ quan.',
    en: 'No competency of the agency’s frameworks has this code.',
  },
  invalid_level: {
    vi: 'Ô phải là mức yêu cầu (trong thang của năng lực) và mức độ quan trọng 1–3, ví dụ 3/2; hoặc để trống.',
    en: 'A cell is a required level (within the competency’s scale) and a criticality 1–3, e.g. 3/2; or empty.',
  },
  matrix_file_not_xlsx: {
    vi: 'Tệp ma trận phải là bảng tính Excel (xlsx) xuất từ trang ma trận vị trí việc làm.',
    en: 'A matrix file is an Excel workbook (xlsx) exported from the position matrix page.',
  },
  import_has_errors: {
    vi: 'Còn dòng lỗi: sửa tệp rồi tải lên lại; không dòng nào được nhập.',
    en: 'Some rows have errors: fix the file and upload again; nothing was imported.',
  },
  // assessment (issue 5)
  assessment_form_submitted: {
    vi: 'Phiếu đánh giá đã nộp, không thể sửa. Liên hệ cán bộ tổ chức để mở lại.',
    en: 'The rating form has been submitted and cannot be changed. Ask HR to reopen it.',
  },
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
  // Import from a CASE service's address (issue 19)
  framework_url_refused: {
    vi: 'Trường "url": chỉ nhận địa chỉ http hoặc https của một máy chủ công khai; địa chỉ nội bộ (máy này, mạng riêng) không được dùng.',
    en: 'Field "url": only an http or https address of a public server is accepted; internal addresses (this machine, private networks) are refused.',
  },
  framework_import_choice_needed: {
    vi: 'Gói này cần lựa chọn trước khi nhập (không có nhóm: "structure"; không có thang đo: "levels"). Xem bản xem trước và gửi lại kèm lựa chọn; chưa có gì được lưu.',
    en: 'This package needs a choice before it is imported (no groups: "structure"; no scale: "levels"). See the preview and send the choice; nothing was saved.',
  },
  framework_levels_missing: {
    vi: 'Bản nháp chưa có thang đo nên chưa ban hành được. Thêm các mức (ít nhất 2) rồi ban hành.',
    en: 'The draft has no scale yet, so it cannot be published. Add the levels (at least 2) and publish.',
  },
  framework_url_unreachable: {
    vi: 'Không tải được gói CASE từ trường "url" (máy chủ không trả lời 200 trong 15 giây, chuyển hướng, hoặc tệp lớn hơn 25 MB).',
    en: 'The CASE package at field "url" could not be fetched (no 200 answer within 15 seconds, a redirect, or a file larger than 25 MB).',
  },
  position_competency_invalid: {
    vi: 'Năng lực không thuộc phiên bản khung năng lực đang công bố, hoặc mức yêu cầu vượt thang đo.',
    en: 'The competency is not in a published framework version, or the required level is beyond its scale.',
  },
  // Training: development plans (issue 14, item 7)
  plan_no_results: {
    vi: 'Chưa có kết quả đánh giá đã công bố của người này nên chưa lập được kế hoạch phát triển.',
    en: 'This person has no published assessment results yet, so no development plan can be made.',
  },
  plan_not_editable: {
    vi: 'Kế hoạch đang ở trạng thái không cho phép thao tác này.',
    en: 'The plan is in a state that does not allow this.',
  },
  plan_course_not_needed: {
    vi: 'Khóa học không giúp thu hẹp khoảng cách năng lực nào của người này (đã hoàn thành, đang đăng ký, hoặc đã đạt mức khóa học mang lại).',
    en: 'The course closes none of this person’s gaps (completed, already enrolled, or its levels already held).',
  },
  plan_session_invalid: {
    vi: 'Lớp học không thuộc khóa học đã chọn hoặc đã hết hạn đăng ký.',
    en: 'The session is not of the chosen course or its enrolment has closed.',
  },
  // Evaluation: annual quality classification (issue 16, item 4)
  quality_score_out_of_range: {
    vi: 'Điểm vượt khung: tiêu chí chung tối đa 30 điểm, kết quả thực hiện nhiệm vụ tối đa 70 điểm.',
    en: 'Score out of range: at most 30 for the general criteria and 70 for task results.',
  },
  quality_period_invalid: {
    vi: 'Kỳ đánh giá phải là các tháng hoặc các quý của năm đang xếp loại, mỗi kỳ một lần.',
    en: 'Periods must be the months or the quarters of the year being classified, each once.',
  },
  quality_level_above_score: {
    vi: 'Mức xếp loại không được cao hơn mức mà điểm số (hoặc điều kiện loại trừ) cho phép.',
    en: 'The level cannot be above what the score (or a disqualifying condition) allows.',
  },
  quality_year_finalized: {
    vi: 'Kết quả xếp loại năm này của cơ quan đã được chốt; không thể thay đổi.',
    en: 'The agency’s classification for this year is final and cannot change.',
  },
  quality_quota_exceeded: {
    vi: 'Số người xếp loại “Hoàn thành xuất sắc nhiệm vụ” vượt 20% số người “Hoàn thành tốt nhiệm vụ” của cơ quan.',
    en: 'More people rated “excellent” than 20 % of those rated “good” in the agency.',
  },
  quality_import_invalid: {
    vi: 'Tệp xếp loại có dòng không hợp lệ; chưa dòng nào được ghi. Xem danh sách lỗi theo từng dòng.',
    en: 'The classification file has invalid rows; nothing was written. See the errors by row.',
  },
  quality_basis_mismatch: {
    vi: 'Từ năm 2026 xếp loại theo điểm (Nghị định 335/2025/NĐ-CP); các năm trước chỉ ghi mức xếp loại (Nghị định 90/2020/NĐ-CP).',
    en: 'From 2026 the classification is by score (Decree 335/2025); earlier years record the level only (Decree 90/2020).',
  },
  // Evaluation: reaction surveys and pre/post tests (issue 16, items 1 and 2)
  survey_set_target_invalid: {
    vi: 'Bộ câu hỏi gắn với đúng một khóa học (courseId) hoặc một lớp học (sessionId).',
    en: 'A question set attaches to exactly one course (courseId) or one session (sessionId).',
  },
  survey_set_in_use: {
    vi: 'Bộ câu hỏi đã được dùng cho một phiếu khảo sát nên không sửa được câu hỏi; hãy tạo bộ câu hỏi mới.',
    en: 'The set has been used by a survey, so its questions cannot change; create a new set.',
  },
  survey_not_invited: {
    vi: 'Chỉ học viên đã tham dự lớp học mới được trả lời phiếu khảo sát này.',
    en: 'Only trainees who attended the session may answer this survey.',
  },
  survey_already_answered: {
    vi: 'Bạn đã trả lời phiếu khảo sát này; mỗi người chỉ trả lời một lần.',
    en: 'You have already answered this survey; each person answers once.',
  },
  survey_closed: { vi: 'Phiếu khảo sát đã đóng (hết hạn trả lời).', en: 'The survey has closed (its answering period is over).' },
  survey_answers_invalid: {
    vi: 'Phiếu trả lời chưa hợp lệ: mỗi câu thang điểm cần chọn một mức trong thang; ý kiến tối đa 2000 ký tự. Xem các câu được nêu.',
    en: 'The answers are not valid: each scale question needs one of its points; free text is at most 2000 characters. See the questions named.',
  },
  learning_pre_test_first: {
    vi: 'Chưa làm bài kiểm tra đầu khóa: bài kiểm tra cuối khóa chỉ làm (hoặc ghi điểm) sau bài đầu khóa.',
    en: 'The pre-test comes first: the post-test is taken (or recorded) only after the pre-test.',
  },
  learning_test_submitted: { vi: 'Bài kiểm tra này đã nộp; mỗi bài chỉ làm một lần.', en: 'This test has been submitted; each test is taken once.' },
  learning_score_out_of_range: { vi: 'Điểm phải từ 0 đến 100.', en: 'A score must be from 0 to 100.' },
  learning_not_enrolled: {
    vi: 'Chỉ học viên có chỗ trong lớp học (đã ghi danh hoặc đã có kết quả) mới làm bài kiểm tra.',
    en: 'Only trainees with a seat in the session (enrolled, or with a result) take its tests.',
  },
  learning_no_questions: {
    vi: 'Ngân hàng câu hỏi chưa đủ câu cho các năng lực của khóa học (cần ít nhất 3 câu cho một năng lực).',
    en: 'The question banks have too few questions for the course’s competencies (at least 3 for a competency).',
  },
  learning_scores_rejected: {
    vi: 'Chưa ghi điểm nào: có dòng chưa hợp lệ (xem các dòng được nêu); sửa rồi lưu lại cả bảng.',
    en: 'No score was recorded: some rows are not valid (see the rows named); correct them and save the table again.',
  },
  learning_competency_invalid: { vi: 'Năng lực không thuộc khóa học.', en: 'The competency is not one the course raises.' },
  // training credentials (issue 14, item 6)
  credential_not_issued: {
    vi: 'Chứng chỉ đang được ký, chưa tải được. Vui lòng thử lại sau ít phút.',
    en: 'The certificate is still being signed and cannot be downloaded yet. Try again in a few minutes.',
  },
  credential_already_revoked: { vi: 'Chứng chỉ này đã bị thu hồi.', en: 'This certificate has already been revoked.' },
  credential_key_secret_wrong: {
    vi: 'Không giải mã được khóa ký của cơ sở đào tạo: CREDENTIAL_KEY_SECRET không phải khóa đã mã hóa nó. Chứng chỉ chưa được ký; hãy đặt lại đúng khóa.',
    en: 'The institution’s signing key cannot be decrypted: CREDENTIAL_KEY_SECRET is not the key it was encrypted with. Nothing was signed; set the right secret.',
  },
  // Training sessions, enrolment and attendance (issue 14)
  training_session_dates_invalid: { vi: 'Ngày kết thúc lớp học phải từ ngày bắt đầu trở đi.', en: 'The session must end on or after its first day.' },
  training_enrolment_window_invalid: {
    vi: 'Thời hạn đăng ký phải mở trước khi đóng và đóng chậm nhất vào ngày kết thúc lớp học.',
    en: 'The enrolment window must open before it closes and close by the session’s last day.',
  },
  training_seats_below_enrolled: { vi: 'Số chỗ không được ít hơn số người đã được ghi danh.', en: 'Seats cannot be fewer than the people already enrolled.' },
  training_meeting_invalid: { vi: 'Buổi học phải kết thúc sau khi bắt đầu.', en: 'A meeting must end after it starts.' },
  training_meeting_outside_session: { vi: 'Buổi học nằm ngoài thời gian của lớp học.', en: 'The meeting falls outside the session’s dates.' },
  training_lecturer_invalid: { vi: 'Giảng viên không thuộc cơ sở đào tạo của khóa học.', en: 'The lecturer does not belong to the course’s institution.' },
  training_enrolment_closed: { vi: 'Lớp học không trong thời hạn đăng ký.', en: 'The session is not open for enrolment.' },
  training_session_overlap: {
    vi: 'Người này đã đăng ký một lớp học khác trùng thời gian.',
    en: 'This person already holds an enrolment in another session on overlapping dates.',
  },
  training_course_completed: { vi: 'Người này đã hoàn thành khóa học này.', en: 'This person has already completed this course.' },
  training_already_enrolled: { vi: 'Người này đã đăng ký lớp học này.', en: 'This person is already enrolled in this session.' },
  training_enrolment_state: { vi: 'Trạng thái đăng ký hiện tại không cho phép thao tác này.', en: 'The enrolment’s current status does not allow this.' },
  training_no_person: { vi: 'Tài khoản này không gắn với hồ sơ cán bộ nào.', en: 'This account is not linked to a staff record.' },
  training_session_closed: { vi: 'Lớp học đã kết thúc và có kết quả; không thể thay đổi.', en: 'The session is closed with its results; it cannot change.' },
  training_session_not_ended: { vi: 'Chỉ có thể kết thúc lớp học từ ngày kết thúc trở đi.', en: 'A session can be closed from its last day on.' },
  training_score_not_examined: { vi: 'Khóa học này không có điểm đạt nên không nhập điểm.', en: 'This course has no pass score, so no score is recorded.' },
  training_attendance_import_invalid: {
    vi: 'Tệp điểm danh có lỗi nên chưa có gì được lưu. Xem danh sách lỗi theo từng dòng.',
    en: 'The attendance sheet has errors, so nothing was saved. See the list of errors by row.',
  },
  // End of training sessions
  // training catalogue (issue 14)
  training_level_outside_scale: {
    vi: 'Mức năng lực nằm ngoài thang đo của phiên bản khung năng lực.',
    en: 'The proficiency level is outside the scale of the framework version.',
  },
  training_level_order: { vi: 'Mức sau khóa học phải cao hơn mức đầu vào.', en: 'The level after the course must be above the entry level.' },
  training_competency_other_version: {
    vi: 'Năng lực không thuộc phiên bản khung năng lực của khóa học.',
    en: 'The competency is not in the course’s framework version.',
  },
  training_duplicate_competency: { vi: 'Một năng lực được khai báo hai lần.', en: 'A competency is listed twice.' },
  training_prerequisite_cycle: { vi: 'Điều kiện tiên quyết tạo thành vòng lặp giữa các khóa học.', en: 'The prerequisites form a loop between courses.' },
  training_prerequisite_unknown: { vi: 'Khóa học tiên quyết không tồn tại hoặc đã ngừng.', en: 'The prerequisite course does not exist or is retired.' },
  training_course_retired: {
    vi: 'Phiên bản khóa học này đã ngừng; hãy sửa phiên bản hiện hành.',
    en: 'This course version is retired; edit the current version.',
  },
  training_framework_version: {
    vi: 'Phiên bản khung năng lực không tồn tại hoặc chưa công bố.',
    en: 'The framework version does not exist or is not published.',
  },
  training_staff_not_trainer: {
    vi: 'Chỉ tài khoản giảng viên/cơ sở đào tạo đang hoạt động mới được gắn vào cơ sở đào tạo.',
    en: 'Only active trainer accounts can be linked to an institution.',
  },
  training_staff_elsewhere: { vi: 'Tài khoản đã thuộc một cơ sở đào tạo khác.', en: 'The account already serves another institution.' },
  training_import_invalid: {
    vi: 'Tệp danh mục có lỗi nên chưa có gì được nhập. Xem danh sách lỗi theo từng dòng.',
    en: 'The catalogue file has errors, so nothing was imported. See the list of errors by row.',
  },
  // Issue 18: accounts from the register, rater assignment.
  bulk_accounts_too_many: {
    vi: 'Mỗi lần tạo tối đa 500 tài khoản; hãy chọn ít người hơn hoặc từng đơn vị.',
    en: 'At most 500 accounts can be created at once; choose fewer people or one unit at a time.',
  },
  assessment_second_leader: {
    vi: 'Người này đã có lãnh đạo trực tiếp đánh giá. Xác nhận nếu thật sự cần thêm lãnh đạo thứ hai.',
    en: 'This person already has a direct leader rating them. Confirm if a second leader is really needed.',
  },
  team_leader_required: {
    vi: 'Hãy chọn lãnh đạo có tập thể cần xem (tham số leaderId).',
    en: 'Choose the leader whose team to show (the leaderId parameter).',
  },
  admin_unit_changes_invalid: {
    vi: 'Tệp thay đổi đơn vị hành chính có lỗi nên chưa có gì được nhập. Xem danh sách lỗi theo từng dòng.',
    en: 'The administrative-unit change file has errors, so nothing was imported. See the list of errors by row.',
  },
  admin_unit_changes_empty: {
    vi: 'Tệp không có thay đổi nào so với danh mục hiện tại; không có gì được nhập.',
    en: 'The file changes nothing in the current catalogue; nothing was imported.',
  },
  // Annual training plan (issue 15): each names the limit; details carry the limit, the value and by how much.
  planning_session_no_seats: {
    vi: 'Lớp học được chọn không còn chỗ (0 chỗ): bỏ lớp khỏi kế hoạch hoặc tăng số chỗ.',
    en: 'A chosen session has no seats (0): remove it from the plan or add seats.',
  },
  planning_budget_below_cheapest_seat: {
    vi: 'Ngân sách thấp hơn chi phí của chỗ học rẻ nhất; xem mức thiếu trong chi tiết.',
    en: 'The budget is below the cheapest seat; the details say by how much.',
  },
  planning_mandatory_over_budget: {
    vi: 'Các chỗ học bắt buộc vượt ngân sách; xem mức vượt trong chi tiết.',
    en: 'The mandatory seats cost more than the budget; the details say by how much.',
  },
  planning_mandatory_over_seats: { vi: 'Số người bắt buộc học vượt số chỗ của lớp.', en: 'More people must attend a session than it has seats.' },
  planning_mandatory_over_hours: {
    vi: 'Các khóa bắt buộc của một người vượt giới hạn số giờ học.',
    en: 'A person’s mandatory courses exceed their hours limit.',
  },
  planning_mandatory_same_competency: {
    vi: 'Một người bị bắt buộc học hai khóa cho cùng một năng lực (mỗi năng lực tối đa một khóa).',
    en: 'A person is required to take two courses for the same competency (at most one per competency).',
  },
  planning_plan_violates_limits: {
    vi: 'Kế hoạch đã sửa vượt giới hạn (ngân sách, chỗ, giờ học hoặc một khóa mỗi năng lực); chưa lưu. Xem từng giới hạn trong chi tiết.',
    en: 'The edited plan breaks a limit (budget, seats, hours or one course per competency); nothing was saved. See each limit in the details.',
  },
  planning_unknown_ids: {
    vi: 'Kế hoạch nêu người, lớp, đơn vị hoặc vị trí không có trong phạm vi cơ quan: hãy sửa các mục được đánh dấu.',
    en: 'The plan names people, sessions, units or positions outside the agency’s reach: correct the marked entries.',
  },
  planning_plan_approved: { vi: 'Kế hoạch đã được phê duyệt nên không sửa được nữa.', en: 'The plan is approved and can no longer be changed.' },
  planning_no_version: { vi: 'Kế hoạch chưa có phương án nào: hãy giải bài toán trước.', en: 'The plan has no version yet: solve it first.' },
  planning_run_active: { vi: 'Kế hoạch đang được giải; hãy chờ hoặc dừng lượt giải hiện tại.', en: 'The plan is being solved; wait or stop the current run.' },
  planning_run_finished: { vi: 'Lượt giải đã kết thúc.', en: 'The run has already finished.' },
  planning_opening_min_class_above_seats: {
    vi: 'Sĩ số tối thiểu để mở lớp lớn hơn số chỗ của lớp.',
    en: 'The minimum class size is larger than the class’s seats.',
  },
  planning_opening_dates_invalid: { vi: 'Ngày kết thúc lớp trước ngày bắt đầu.', en: 'The class ends before it starts.' },
  planning_opening_course_inactive: { vi: 'Khóa học không còn được mở.', en: 'The course is no longer offered.' },
  planning_opening_not_proposed: {
    vi: 'Lớp dự kiến đã được mở hoặc đã rút nên không thay đổi được.',
    en: 'The class to open has already been opened or withdrawn.',
  },
  planning_opening_withdrawn: {
    vi: 'Phương án có người được xếp vào một lớp dự kiến đã rút: hãy giải lại hoặc sửa phương án.',
    en: 'The version places people in a class to open that was withdrawn: solve again or edit the version.',
  },
  planning_import_invalid: {
    vi: 'Tệp kế hoạch có dòng không hợp lệ; chưa dòng nào được ghi. Xem danh sách lỗi theo từng dòng.',
    en: 'The plan file has invalid rows; nothing was written. See the errors by row.',
  },
  // Recruitment: assessment, ranking and appointment (issue 17)
  recruitment_declaration_missing: {
    vi: 'Bạn chưa ký bản cam kết về xung đột lợi ích của hội đồng nên chưa được chấm điểm.',
    en: 'You have not made your conflict-of-interest declaration for this panel, so you may not rate yet.',
  },
  recruitment_conflict_declared: {
    vi: 'Bạn đã khai báo xung đột lợi ích với ứng viên này nên không được chấm điểm hồ sơ này.',
    en: 'You declared a conflict of interest with this candidate, so you may not rate this application.',
  },
  recruitment_level_out_of_scale: { vi: 'Cấp độ nằm ngoài thang của khung năng lực.', en: 'The level is outside the framework’s scale.' },
  recruitment_competency_not_in_profile: {
    vi: 'Năng lực không thuộc khung năng lực của vị trí việc làm.',
    en: 'The competency is not in the job position’s profile.',
  },
  recruitment_sheet_incomplete: {
    vi: 'Phiếu chưa chấm đủ các năng lực của vị trí; hãy chấm hết trước khi nộp.',
    en: 'The sheet does not rate every competency of the position; rate them all before submitting.',
  },
  recruitment_register_match: {
    vi: 'Ứng viên có thể đã có trong danh sách cán bộ (trùng số căn cước, hoặc trùng họ tên và ngày sinh). Hãy chọn hồ sơ đó hoặc xác nhận đây là người khác.',
    en: 'The candidate may already be in the staff register (same identity number, or same name and date of birth). Choose that record or confirm this is someone else.',
  },
  recruitment_register_match_invalid: {
    vi: 'Hồ sơ đã chọn không khớp với ứng viên này.',
    en: 'The record chosen does not match this candidate.',
  },
  recruitment_sheet_not_submitted: {
    vi: 'Phiếu chấm chưa nộp nên không cần mở lại.',
    en: 'The sheet has not been submitted, so there is nothing to reopen.',
  },
  recruitment_sheet_submitted: { vi: 'Phiếu chấm đã nộp nên không sửa được nữa.', en: 'The sheet has been submitted and can no longer be changed.' },
  recruitment_stage_not_rated: {
    vi: 'Vòng này không chấm điểm theo phiếu của hội đồng.',
    en: 'This stage is not rated on panel sheets.',
  },
  recruitment_stage_not_test: { vi: 'Vòng này không phải vòng thi kiến thức.', en: 'This stage is not a knowledge test.' },
  recruitment_campaign_not_assessing: {
    vi: 'Đợt tuyển dụng không ở giai đoạn đánh giá ứng viên.',
    en: 'The recruitment campaign is not at the stage of assessing candidates.',
  },
  recruitment_application_out_of_race: {
    vi: 'Hồ sơ đã bị loại hoặc đã rút nên không được đánh giá.',
    en: 'The application was screened out or withdrawn and is not assessed.',
  },
  recruitment_test_submitted: { vi: 'Bài thi đã nộp; mỗi bài chỉ làm một lần.', en: 'The test has been submitted; it is taken once.' },
  recruitment_no_questions: {
    vi: 'Ngân hàng câu hỏi chưa đủ câu cho các năng lực của vị trí.',
    en: 'The question banks hold too few questions for the position’s competencies.',
  },
  recruitment_score_out_of_range: { vi: 'Điểm phải từ 0 đến 100.', en: 'A score must be from 0 to 100.' },
  recruitment_not_appointable: {
    vi: 'Hồ sơ này không thể được tuyển dụng (đã loại, đã rút hoặc đã có quyết định).',
    en: 'This application cannot be appointed (screened out, withdrawn or already decided).',
  },
  recruitment_not_ranked: {
    vi: 'Ứng viên chưa có kết quả đánh giá nên chưa được xếp hạng.',
    en: 'The candidate has no assessment yet and is not ranked.',
  },
  recruitment_posts_filled: { vi: 'Vị trí đã tuyển đủ chỉ tiêu.', en: 'Every post of the position is filled.' },
  // recruitment (issue 17)
  recruitment_window_invalid: { vi: 'Thời hạn nhận hồ sơ phải kết thúc sau khi bắt đầu.', en: 'The application window must close after it opens.' },
  recruitment_campaign_not_draft: {
    vi: 'Kỳ tuyển dụng đã công bố nên không sửa được nữa (chỉ bản nháp được sửa).',
    en: 'The campaign has been published and can no longer be edited (only a draft can).',
  },
  recruitment_campaign_transition: { vi: 'Kỳ tuyển dụng không chuyển được sang trạng thái này.', en: 'The campaign cannot move to this status.' },
  recruitment_campaign_incomplete: {
    vi: 'Chưa công bố được: thông báo còn thiếu (vị trí, thời hạn nhận hồ sơ, các vòng có tổng trọng số 100 %, nội dung). Xem chi tiết.',
    en: 'Cannot publish yet: the notice is incomplete (positions, application window, stages weighing 100 %, text). See the details.',
  },
  recruitment_window_closed: {
    vi: 'Ngoài thời hạn nhận hồ sơ của kỳ tuyển dụng; hồ sơ chưa được ghi nhận.',
    en: 'Outside the campaign’s application window; nothing was recorded.',
  },
  recruitment_already_applied: { vi: 'Bạn đã nộp hồ sơ vào kỳ tuyển dụng này.', en: 'You have already applied to this campaign.' },
  recruitment_position_not_in_campaign: { vi: 'Vị trí này không thuộc kỳ tuyển dụng.', en: 'This position is not part of the campaign.' },
  recruitment_consent_required: {
    vi: 'Cần đồng ý với nội dung xử lý dữ liệu cá nhân hiện hành (Nghị định 13/2023/NĐ-CP) trước khi nộp hồ sơ.',
    en: 'Agree to the current personal data notice (Decree 13/2023/NĐ-CP) before applying.',
  },
  recruitment_document_invalid: {
    vi: 'Tài liệu không hợp lệ: chỉ nhận PDF, PNG hoặc JPEG, tối đa 5 MB mỗi tệp và 20 MB mỗi hồ sơ; hồ sơ chưa được ghi nhận. Xem từng tệp trong chi tiết.',
    en: 'Invalid documents: only PDF, PNG or JPEG, at most 5 MB a file and 20 MB an application; nothing was recorded. See each file in the details.',
  },
  recruitment_panel_member_invalid: {
    vi: 'Thành viên hội đồng phải là người dùng của cơ quan hoặc chuyên gia.',
    en: 'Panel members must be users of the agency or experts.',
  },
  recruitment_username_taken: { vi: 'Tên đăng nhập đã có người dùng.', en: 'This username is taken.' },
  // Recruitment: appointment and promotion of internal candidates (issue 17, item 5)
  promotion_position_not_leadership: {
    vi: 'Chỉ xét bổ nhiệm, đề bạt cho vị trí lãnh đạo, quản lý.',
    en: 'Appointment and promotion rounds are for leadership or management positions only.',
  },
  promotion_position_no_profile: {
    vi: 'Vị trí chưa có khung năng lực yêu cầu để so sánh ứng viên.',
    en: 'The position has no competency profile to measure candidates against.',
  },
  promotion_no_digital_in_profile: {
    vi: 'Khung năng lực của vị trí không có năng lực chính phủ số nào nên không thể đặt mức tối thiểu năng lực số.',
    en: 'The position’s profile has no digital-government competency, so no minimum digital level can be set.',
  },
  promotion_unknown_course: {
    vi: 'Có mã khóa bồi dưỡng không tồn tại trong danh mục.',
    en: 'Some course codes are not in the catalogue.',
  },
  promotion_round_decided: {
    vi: 'Đợt xét chọn đã có quyết định nên không thể thay đổi.',
    en: 'The round has been decided and cannot change.',
  },
  promotion_not_shortlisted: {
    vi: 'Hãy chốt danh sách xét chọn trước khi ghi quyết định.',
    en: 'Freeze the shortlist before recording the decision.',
  },
  promotion_choice_not_eligible: {
    vi: 'Người được chọn phải thuộc danh sách đủ điều kiện của đợt xét chọn.',
    en: 'The chosen must be among the round’s eligible candidates.',
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
