import type { Language } from '../../../platform/i18n/language.js';
import { dateInZone } from '../../../platform/clock.js';
import type { CourseFormat, EnrolmentStatus } from '../training.tables.js';
import type { RoleCategory } from '../../people/people.tables.js';

/** Words the printable records and reports share (the PDFs are Vietnamese official forms; the workbooks follow the caller's language). */
export const STATUS_LABELS: Record<EnrolmentStatus, Record<Language, string>> = {
  pending_approval: { vi: 'Chờ duyệt', en: 'Awaiting approval' },
  enrolled: { vi: 'Đã ghi danh', en: 'Enrolled' },
  waitlisted: { vi: 'Danh sách chờ', en: 'Waiting list' },
  rejected: { vi: 'Không được duyệt', en: 'Rejected' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
  completed: { vi: 'Hoàn thành', en: 'Completed' },
  not_completed: { vi: 'Không hoàn thành', en: 'Not completed' },
};

export const FORMAT_LABELS: Record<CourseFormat, Record<Language, string>> = {
  online: { vi: 'Trực tuyến', en: 'Online' },
  classroom: { vi: 'Tập trung trên lớp', en: 'Classroom' },
  blended: { vi: 'Kết hợp', en: 'Blended' },
  simulation: { vi: 'Thực hành mô phỏng', en: 'Simulation practice' },
  on_the_job: { vi: 'Kèm cặp tại chỗ', en: 'On the job' },
  job_rotation: { vi: 'Luân chuyển vị trí', en: 'Job rotation' },
};

export const ROLE_CATEGORY_LABELS: Record<RoleCategory | 'none', Record<Language, string>> = {
  leader: { vi: 'Lãnh đạo', en: 'Leaders' },
  manager: { vi: 'Quản lý', en: 'Managers' },
  professional: { vi: 'Chuyên môn, nghiệp vụ', en: 'Professionals' },
  support: { vi: 'Hỗ trợ, phục vụ', en: 'Support staff' },
  none: { vi: 'Chưa phân loại', en: 'Not classified' },
};

/** dd/mm/yyyy, as Vietnamese documents write dates. */
export function dateVi(value: string | Date | null): string {
  if (!value) return '';
  // An instant is dated in the deployment's zone, not UTC.
  const iso = typeof value === 'string' ? value : dateInZone(value);
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** 1.234.567 (Vietnamese thousands separator). */
export function dong(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
