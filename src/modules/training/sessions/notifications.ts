import type { Transaction } from 'kysely';
import { readSmtpSettings } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/engine.js';
import type { Database } from '../../../platform/db/schema.js';
import { sendJob } from '../../../platform/jobs/job-queue.js';
import { configuredMailer, type Mailer } from '../../../platform/mail/mailer.js';

/** Steps a person is told about, in the app and by e-mail when a mailer is configured. */
export type NotificationKind =
  | 'requested'
  | 'approved'
  | 'rejected'
  | 'enrolled'
  | 'waitlisted'
  | 'promoted'
  | 'cancelled'
  | 'replaced'
  | 'completed'
  | 'not_completed'
  // Evaluation (issue 16): a reaction survey to answer, and its one reminder.
  | 'survey'
  | 'survey_reminder';

export const NOTIFICATION_MAIL_JOB = 'training.notification-mail';

/**
 * An in-app notification in the step's transaction; the e-mail is a job
 * written in the same transaction, so it is sent after the commit (and never
 * for a step that rolled back), never from inside it.
 */
export async function notify(trx: Transaction<Database>, personId: string, enrolmentId: string, kind: NotificationKind): Promise<void> {
  await notifyAll(trx, [{ personId, enrolmentId, kind }]);
}

/** Rows an insert carries at most (3 parameters a row). */
const NOTIFICATIONS_A_STATEMENT = 5000;

/** Many notifications (each seat of a closed session) in one insert, as `notify` gives each. */
export async function notifyAll(
  trx: Transaction<Database>,
  notices: ReadonlyArray<{ personId: string; enrolmentId: string; kind: NotificationKind }>,
): Promise<void> {
  const mailed = readSmtpSettings() !== null;
  for (let i = 0; i < notices.length; i += NOTIFICATIONS_A_STATEMENT) {
    const rows = await trx
      .insertInto('training_notifications')
      .values(notices.slice(i, i + NOTIFICATIONS_A_STATEMENT).map((n) => ({ person_id: n.personId, enrolment_id: n.enrolmentId, kind: n.kind })))
      .returning('id')
      .execute();
    if (mailed) for (const { id } of rows) await sendJob(NOTIFICATION_MAIL_JOB, { notificationId: id }, { trx });
  }
}

const SUBJECTS: Record<NotificationKind, { vi: string; en: string }> = {
  requested: { vi: 'Đã gửi đăng ký lớp học, chờ lãnh đạo duyệt', en: 'Enrolment requested, awaiting your leader’s approval' },
  approved: { vi: 'Đăng ký lớp học đã được duyệt', en: 'Enrolment approved' },
  rejected: { vi: 'Đăng ký lớp học không được duyệt', en: 'Enrolment not approved' },
  enrolled: { vi: 'Bạn đã được ghi danh vào lớp học', en: 'You are enrolled in a session' },
  waitlisted: { vi: 'Bạn đang trong danh sách chờ của lớp học', en: 'You are on a session’s waiting list' },
  promoted: { vi: 'Bạn đã có chỗ trong lớp học (từ danh sách chờ)', en: 'A seat freed up: you are now enrolled' },
  cancelled: { vi: 'Đăng ký lớp học đã bị hủy', en: 'Enrolment cancelled' },
  replaced: { vi: 'Bạn đã được thay bằng người khác trong lớp học', en: 'You were replaced in a session' },
  completed: { vi: 'Bạn đã hoàn thành khóa học', en: 'You completed the course' },
  not_completed: { vi: 'Bạn chưa đạt yêu cầu hoàn thành khóa học', en: 'You did not meet the course’s completion rule' },
  survey: { vi: 'Mời bạn cho ý kiến về khóa học (phiếu khảo sát ẩn danh)', en: 'Please give your feedback on the course (anonymous survey)' },
  survey_reminder: { vi: 'Nhắc: phiếu khảo sát về khóa học đang chờ ý kiến của bạn', en: 'Reminder: a course survey awaits your feedback' },
};

/** The job: one message per notification, marked when sent (a retry after a send does not send twice). */
export async function sendNotificationMail(db: Db, data: { notificationId: string }, mailer: Mailer | null = configuredMailer()): Promise<void> {
  if (!mailer) return;
  const row = await db
    .selectFrom('training_notifications as n')
    .innerJoin('people as p', 'p.id', 'n.person_id')
    .leftJoin('training_enrolments as e', 'e.id', 'n.enrolment_id')
    .leftJoin('training_sessions as s', 's.id', 'e.session_id')
    .leftJoin('training_courses as c', 'c.id', 's.course_id')
    .select(['n.id', 'n.kind', 'n.emailed_at', 'p.email', 'p.full_name', 's.code', 's.starts_on', 's.ends_on', 'c.title', 'c.title_en'])
    .where('n.id', '=', data.notificationId)
    .executeTakeFirst();
  if (!row || row.emailed_at || !row.email) return;
  const subject = SUBJECTS[row.kind as NotificationKind] ?? { vi: row.kind, en: row.kind };
  const what = row.code ? `${row.title} (${row.code}), ${row.starts_on} – ${row.ends_on}` : '';
  const whatEn = row.code ? `${row.title_en || row.title} (${row.code}), ${row.starts_on} – ${row.ends_on}` : '';
  await mailer.send({
    to: row.email,
    subject: `[NangLuc] ${subject.vi}`,
    text: `${row.full_name},\n\n${subject.vi}: ${what}\n\n— \n${subject.en}: ${whatEn}\n`,
  });
  await db.updateTable('training_notifications').set({ emailed_at: new Date() }).where('id', '=', row.id).execute();
}
