import type { Transaction } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/engine.js';
import type { Database } from '../../../platform/db/schema.js';
import { AppError, badRequest } from '../../../platform/errors.js';
import { readSheet } from '../../people/import/staff-import.read.js';
import { meetingsOf, type SessionRow } from './sessions.repository.js';
import { localDay, meetingDateValue, presentValue } from './sessions.rules.js';
import { managedSession } from './sessions.service.js';

type Trx = Transaction<Database>;

/** Who is on the attendance grid: those with a seat (and their results once closed). */
const GRID_STATUSES = ['enrolled', 'completed', 'not_completed'] as const;

async function gridPeople(db: Db | Trx, sessionId: string) {
  return db
    .selectFrom('training_enrolments as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .innerJoin('agencies as a', 'a.id', 'e.agency_id')
    .select([
      'e.id as enrolmentId',
      'e.person_id as personId',
      'p.full_name as fullName',
      'p.staff_code as staffCode',
      'a.name as agencyName',
      'a.path as agencyPath',
      'e.status',
      'e.final_score as finalScore',
      'e.attendance_share as attendanceShare',
    ])
    .where('e.session_id', '=', sessionId)
    .where('e.status', 'in', GRID_STATUSES)
    .orderBy('p.full_name')
    .orderBy('p.staff_code')
    .execute();
}

/** The grid a trainer fills: meetings × enrolled people, with the marks and scores recorded so far. */
export async function attendanceGrid(db: Db, actor: Actor, sessionId: string) {
  return db.transaction().execute(async (trx) => {
    const session = await managedSession(trx, actor, sessionId);
    const [meetings, people] = await Promise.all([meetingsOf(trx, [sessionId]), gridPeople(trx, sessionId)]);
    const marks =
      people.length === 0
        ? []
        : await trx
            .selectFrom('training_attendance')
            .select(['enrolment_id as enrolmentId', 'meeting_id as meetingId', 'present'])
            .where(
              'enrolment_id',
              'in',
              people.map((p) => p.enrolmentId),
            )
            .execute();
    return {
      sessionId,
      status: session.status,
      passScore: session.passScore,
      minAttendance: session.minAttendance,
      meetings: meetings.map(({ sessionId: _, ...m }) => m),
      people: people.map(({ agencyPath: _, ...p }) => p),
      marks,
    };
  });
}

export interface AttendanceChange {
  marks: Array<{ enrolmentId: string; meetingId: string; present: boolean }>;
  scores: Array<{ enrolmentId: string; score: number | null }>;
}

async function writeAttendance(
  trx: Trx,
  actor: Actor,
  session: SessionRow,
  change: AttendanceChange,
  fieldOf: (kind: 'marks' | 'scores', i: number) => string,
) {
  if (session.status === 'completed') throw new AppError('training_session_closed', 409);
  const people = new Map((await gridPeople(trx, session.id)).map((p) => [p.enrolmentId, p]));
  const meetings = new Set((await meetingsOf(trx, [session.id])).map((m) => m.id));
  change.marks.forEach((m, i) => {
    if (!people.has(m.enrolmentId)) throw badRequest('invalid_value', { field: `${fieldOf('marks', i)}.enrolmentId` });
    if (!meetings.has(m.meetingId)) throw badRequest('invalid_value', { field: `${fieldOf('marks', i)}.meetingId` });
  });
  change.scores.forEach((s, i) => {
    if (!people.has(s.enrolmentId)) throw badRequest('invalid_value', { field: `${fieldOf('scores', i)}.enrolmentId` });
    if (s.score !== null && session.passScore === null) throw badRequest('training_score_not_examined', { field: `${fieldOf('scores', i)}.score` });
  });
  const now = new Date();
  for (const m of change.marks) {
    await trx
      .insertInto('training_attendance')
      .values({ enrolment_id: m.enrolmentId, meeting_id: m.meetingId, present: m.present, recorded_by: actor.userId, recorded_at: now })
      .onConflict((oc) => oc.columns(['enrolment_id', 'meeting_id']).doUpdateSet({ present: m.present, recorded_by: actor.userId, recorded_at: now }))
      .execute();
  }
  for (const s of change.scores)
    await trx.updateTable('training_enrolments').set({ final_score: s.score, updated_at: now }).where('id', '=', s.enrolmentId).execute();
  // One audit entry per person whose record changed, under their agency (their HR reads it).
  const touched = new Set([...change.marks.map((m) => m.enrolmentId), ...change.scores.map((s) => s.enrolmentId)]);
  for (const enrolmentId of touched) {
    await recordAudit(trx, actor, {
      action: 'attendance',
      entity: 'training_enrolment',
      entityId: enrolmentId,
      agencyPath: people.get(enrolmentId)!.agencyPath,
      after: {
        marks: change.marks.filter((m) => m.enrolmentId === enrolmentId).map(({ meetingId, present }) => ({ meetingId, present })),
        score: change.scores.find((s) => s.enrolmentId === enrolmentId)?.score,
      },
    });
  }
}

export async function saveAttendance(db: Db, actor: Actor, sessionId: string, change: AttendanceChange) {
  await db.transaction().execute(async (trx) => writeAttendance(trx, actor, await managedSession(trx, actor, sessionId), change, (kind, i) => `${kind}.${i}`));
  return attendanceGrid(db, actor, sessionId);
}

export interface ImportRowError {
  row: number;
  field: 'staffCode' | 'meetingDate' | 'present';
  code: 'unknown_person' | 'no_meeting' | 'invalid_value';
}

/**
 * A sheet of marks (columns: staff code, meeting date, present; a header row
 * first), xlsx or csv. All or nothing: any bad row and nothing is written, the
 * answer lists every row's error. A date with two meetings marks both.
 */
export async function importAttendance(db: Db, actor: Actor, sessionId: string, file: Buffer) {
  const sheet = await readSheet(file);
  if (sheet.rows.length > 20_000) throw badRequest('import_too_many_rows', { max: 20_000 });
  await db.transaction().execute(async (trx) => {
    const session = await managedSession(trx, actor, sessionId);
    const byCode = new Map((await gridPeople(trx, sessionId)).map((p) => [p.staffCode.trim().toUpperCase(), p.enrolmentId]));
    const byDay = new Map<string, string[]>();
    for (const m of await meetingsOf(trx, [sessionId])) byDay.set(localDay(m.startsAt), [...(byDay.get(localDay(m.startsAt)) ?? []), m.id]);
    const errors: ImportRowError[] = [];
    const marks: AttendanceChange['marks'] = [];
    sheet.rows.forEach((cells, i) => {
      const row = i + 2; // the sheet's own row number: header is row 1
      if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) return;
      const enrolmentId = byCode.get(
        String(cells[0] ?? '')
          .trim()
          .toUpperCase(),
      );
      const day = meetingDateValue(cells[1]);
      const present = presentValue(cells[2]);
      if (!enrolmentId) errors.push({ row, field: 'staffCode', code: 'unknown_person' });
      if (day === null) errors.push({ row, field: 'meetingDate', code: 'invalid_value' });
      else if (!byDay.has(day)) errors.push({ row, field: 'meetingDate', code: 'no_meeting' });
      if (present === null) errors.push({ row, field: 'present', code: 'invalid_value' });
      if (enrolmentId && day && byDay.has(day) && present !== null) for (const meetingId of byDay.get(day)!) marks.push({ enrolmentId, meetingId, present });
    });
    if (errors.length > 0) throw badRequest('training_attendance_import_invalid', { errors: errors.slice(0, 1000), errorCount: errors.length });
    await writeAttendance(trx, actor, session, { marks, scores: [] }, (_k, i) => `rows.${i}`);
  });
  return attendanceGrid(db, actor, sessionId);
}
