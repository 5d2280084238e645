import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { timeZone } from '../../../platform/clock.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/engine.js';

export interface CalendarSession {
  id: string;
  code: string;
  courseTitle: string;
  institutionName: string;
  place: string;
  onlineUrl: string | null;
  meetings: ReadonlyArray<{ id: string; startsAt: Date; endsAt: Date; topic: string }>;
}

const wallClock = new Map<string, Intl.DateTimeFormat>();

/**
 * ical-generator writes a native Date in an event's TZID from the Date's local
 * fields (the server's zone). This Date's local fields are the wall-clock time
 * in `zone`, so DTSTART;TZID=Asia/Ho_Chi_Minh says 08:30 for a meeting at 08:30
 * in Hà Nội whatever zone the server runs in.
 */
export function wallClockDate(instant: Date, zone: string): Date {
  let format = wallClock.get(zone);
  if (!format)
    wallClock.set(
      zone,
      (format = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })),
    );
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(format.formatToParts(instant).find((p) => p.type === type)?.value ?? 0);
  return new Date(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
}

/** A VTIMEZONE for the zone from its current offset (Vietnam keeps UTC+7 all year; no daylight saving rules are needed). */
function vtimezone(zone: string): string {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value ??
    'GMT+07:00';
  const offset = name === 'GMT' ? '+0000' : name.replace('GMT', '').replace(':', '');
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    'BEGIN:STANDARD',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    'DTSTART:19700101T000000',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
}

/** The meetings of the sessions as events; the library escapes users' text (commas, semicolons, new lines). */
export function buildCalendar(name: string, sessions: readonly CalendarSession[], host = 'nangluc'): string {
  const zone = timeZone();
  const calendar = ical({ name, prodId: { company: 'NangLuc', product: 'training', language: 'VI' }, method: ICalCalendarMethod.PUBLISH });
  calendar.timezone({ name: zone, generator: vtimezone });
  for (const session of sessions) {
    for (const meeting of session.meetings) {
      calendar.createEvent({
        id: `${meeting.id}@${host}`,
        start: wallClockDate(meeting.startsAt, zone),
        end: wallClockDate(meeting.endsAt, zone),
        timezone: zone,
        summary: meeting.topic ? `${session.courseTitle} — ${meeting.topic}` : session.courseTitle,
        description: [`${session.code} · ${session.institutionName}`, session.onlineUrl ?? ''].filter(Boolean).join('\n'),
        location: session.place || session.onlineUrl || undefined,
        url: session.onlineUrl ?? undefined,
      });
    }
  }
  return calendar.toString();
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new secret for the person's feed (the old one stops working); only its hash is stored, and the audit records the renewal, never the token. */
export async function renewFeedToken(db: Db, actor: Actor, personId: string, agencyPath: string): Promise<{ token: string; createdAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('training_calendar_feeds')
      .values({ person_id: personId, token_hash: hashToken(token) })
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ token_hash: hashToken(token), created_at: new Date() }))
      .returning('created_at')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'renew', entity: 'training_calendar_feed', entityId: personId, agencyPath });
    return { token, createdAt: row.created_at };
  });
}

export async function feedPerson(db: Db, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db.selectFrom('training_calendar_feeds').select('person_id').where('token_hash', '=', hashToken(token)).executeTakeFirst();
  return row?.person_id ?? null;
}

export async function feedStatus(db: Db, personId: string): Promise<{ createdAt: Date } | null> {
  const row = await db.selectFrom('training_calendar_feeds').select('created_at').where('person_id', '=', personId).executeTakeFirst();
  return row ? { createdAt: row.created_at } : null;
}
