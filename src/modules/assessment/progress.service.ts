import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/engine.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { today } from '../../platform/clock.js';
import { cycleColumns, managedCycle, type CycleRow } from './cycles.service.js';
import { configuredMailer, type Mailer } from '../../platform/mail/mailer.js';

/** Completion per agency and per rater, for HR. Overdue = not submitted after the window closed. */
export async function cycleProgress(db: Db, actor: Actor, cycleId: string) {
  const cycle = await managedCycle(db, actor, cycleId);
  const overdue = sql<boolean>`(x.status <> 'submitted' AND ${cycle.closesOn}::date < ${today()}::date)`;
  const { rows: byAgency } = await sql<{
    agencyId: string;
    agencyName: string;
    subjects: number;
    forms: number;
    submitted: number;
    drafts: number;
    overdue: number;
  }>`
    SELECT a.id AS "agencyId", a.name AS "agencyName", count(DISTINCT x.subject_id)::int AS subjects, count(*)::int AS forms,
      count(*) FILTER (WHERE x.status = 'submitted')::int AS submitted, count(*) FILTER (WHERE x.status = 'draft')::int AS drafts,
      count(*) FILTER (WHERE ${overdue})::int AS overdue
    FROM assessment_assignments x JOIN agencies a ON a.id = x.agency_id
    WHERE x.cycle_id = ${cycleId}
    GROUP BY a.id, a.name ORDER BY a.name`.execute(db);
  const { rows: byRater } = await sql<{
    raterKey: string;
    raterName: string;
    raterAgency: string | null;
    forms: number;
    submitted: number;
    overdue: number;
    lastRemindedAt: Date | null;
  }>`
    SELECT COALESCE(x.rater_person_id, x.rater_user_id)::text AS "raterKey", COALESCE(rp.full_name, ru.display_name) AS "raterName",
      ra.name AS "raterAgency", count(*)::int AS forms, count(*) FILTER (WHERE x.status = 'submitted')::int AS submitted,
      count(*) FILTER (WHERE ${overdue})::int AS overdue, max(x.last_reminded_at) AS "lastRemindedAt"
    FROM assessment_assignments x
    LEFT JOIN people rp ON rp.id = x.rater_person_id
    LEFT JOIN users ru ON ru.id = x.rater_user_id
    LEFT JOIN agencies ra ON ra.id = COALESCE(rp.agency_id, ru.agency_id)
    WHERE x.cycle_id = ${cycleId}
    GROUP BY 1, 2, 3 ORDER BY (count(*) - count(*) FILTER (WHERE x.status = 'submitted')) DESC, 2`.execute(db);
  const total = byAgency.reduce(
    (t, a) => ({ forms: t.forms + a.forms, submitted: t.submitted + a.submitted, overdue: t.overdue + a.overdue, subjects: t.subjects + a.subjects }),
    { forms: 0, submitted: 0, overdue: 0, subjects: 0 },
  );
  return { total, byAgency, byRater };
}

interface PendingRater {
  user_id: string | null;
  email: string | null;
  rater_name: string;
  assignment_ids: string[];
}

/**
 * Remind raters with unsubmitted forms (by default only once the window has
 * closed): an in-app notification for raters with an account, and an e-mail
 * when SMTP is configured and the rater has an address. A rater reminded in
 * the last `minHoursBetween` hours is skipped, so HR can press the button daily.
 */
export async function remindRaters(db: Db, actor: Actor, cycleId: string, options: ReminderOptions = {}, mailer: Mailer | null = configuredMailer()) {
  const cycle = await managedCycle(db, actor, cycleId);
  return sendReminders(db, actor, cycle, options, mailer);
}

/**
 * The hourly job (see assessment.routes.ts): every open cycle past its window
 * reminds its overdue raters, at most once a day each. Recorded as "system".
 */
export async function remindOverdueRaters(db: Db, mailer: Mailer | null = configuredMailer()) {
  const cycles = await db
    .selectFrom('assessment_cycles as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .select(cycleColumns)
    .where('c.status', '=', 'open')
    .where(sql<boolean>`c.closes_on < ${today()}::date`)
    .execute();
  let raters = 0;
  for (const cycle of cycles) raters += (await sendReminders(db, null, cycle, { overdueOnly: true, minHoursBetween: 24 }, mailer)).raters;
  return { cycles: cycles.length, raters };
}

interface ReminderOptions {
  overdueOnly?: boolean;
  minHoursBetween?: number;
}

async function sendReminders(db: Db, actor: Actor | null, cycle: CycleRow, options: ReminderOptions, mailer: Mailer | null) {
  const cycleId = cycle.id;
  const overdueOnly = options.overdueOnly ?? true;
  const minHours = options.minHoursBetween ?? 20;
  const sent = await db.transaction().execute(async (trx) => {
    const { rows } = await sql<PendingRater>`
      SELECT COALESCE(x.rater_user_id, u.id) AS user_id, rp.email,
        COALESCE(rp.full_name, ru.display_name) AS rater_name, array_agg(x.id::text) AS assignment_ids
      FROM assessment_assignments x
      LEFT JOIN people rp ON rp.id = x.rater_person_id
      LEFT JOIN users ru ON ru.id = x.rater_user_id
      LEFT JOIN users u ON u.person_id = x.rater_person_id AND u.active
      WHERE x.cycle_id = ${cycleId} AND x.status <> 'submitted'
        AND (${!overdueOnly} OR ${cycle.closesOn}::date < ${today()}::date)
        AND (x.last_reminded_at IS NULL OR x.last_reminded_at < now() - make_interval(hours => ${minHours}))
      GROUP BY 1, 2, 3`.execute(trx);
    const payload = (r: PendingRater) => ({
      cycleId,
      cycleName: cycle.name,
      cycleNameEn: cycle.nameEn,
      closesOn: cycle.closesOn,
      pending: r.assignment_ids.length,
    });
    const inApp = rows.filter((r) => r.user_id);
    if (inApp.length > 0) {
      await trx
        .insertInto('assessment_notifications')
        .values(inApp.map((r) => ({ user_id: r.user_id!, cycle_id: cycleId, kind: 'reminder' as const, payload: JSON.stringify(payload(r)) })))
        .execute();
    }
    const ids = rows.flatMap((r) => r.assignment_ids);
    if (ids.length > 0) {
      await sql`UPDATE assessment_assignments SET last_reminded_at = now(), reminder_count = reminder_count + 1 WHERE id = ANY(${ids}::uuid[])`.execute(trx);
    }
    await recordAudit(trx, actor, {
      action: 'remind',
      entity: 'assessment_cycle',
      entityId: cycleId,
      agencyPath: cycle.agencyPath,
      after: { raters: rows.length, inApp: inApp.length },
    });
    return { rows, inApp: inApp.length };
  });
  // Mail after commit: a slow or failing SMTP server must not hold the transaction or undo the reminders.
  let emailed = 0;
  if (mailer) {
    for (const r of sent.rows) {
      if (!r.email) continue;
      try {
        await mailer.send({
          to: r.email,
          subject: `Nhắc hoàn thành phiếu đánh giá năng lực / Reminder: competency rating forms — ${cycle.name}`,
          text: `Kính gửi ${r.rater_name},\n\nAnh/chị còn ${r.assignment_ids.length} phiếu đánh giá chưa nộp trong đợt "${cycle.name}" (hạn ${cycle.closesOn}). Vui lòng đăng nhập NangLuc để hoàn thành.\n\nYou have ${r.assignment_ids.length} rating form(s) still to submit in "${cycle.nameEn ?? cycle.name}" (due ${cycle.closesOn}). Please sign in to NangLuc to complete them.\n`,
        });
        emailed++;
      } catch {
        // The in-app reminder stands; a mail failure is reported in the count only.
      }
    }
  }
  return { raters: sent.rows.length, inApp: sent.inApp, emailed, withoutAccount: sent.rows.length - sent.inApp };
}

export async function myNotifications(db: Db, actor: Actor) {
  return db
    .selectFrom('assessment_notifications')
    .select(['id', 'kind', 'payload', 'created_at as createdAt', 'read_at as readAt'])
    .where('user_id', '=', actor.userId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}

export async function markNotificationRead(db: Db, actor: Actor, id: string) {
  await db
    .updateTable('assessment_notifications')
    .set({ read_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .execute();
}
