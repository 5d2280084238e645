import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import { scopeCondition } from '../../platform/auth/scope.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { SqlBool, Transaction } from 'kysely';
import type { Db } from '../../platform/db/engine.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n/language.js';
import { configuredMailer, type Mailer } from '../../platform/mail/mailer.js';
import { escapeLike } from '../../platform/text/like.js';
import { normalizeVietnamese } from '../../platform/text/vietnamese.js';
import { liveAgencyInScope } from '../org/agencies.service.js';
import { accountSheetPdf } from './account-sheet.pdf.js';
import { accountsPolicy } from './accounts.policy.js';
import { initialPassword, uniqueUsername, usernameBase } from './initial-credentials.js';

/** Argon2id costs tens of milliseconds a hash: a batch is capped so one request stays within a minute on a shared machine. */
export const BULK_ACCOUNTS_MAX = 500;

export interface BulkAccountsInput {
  /** These people (one or a selection)… */
  personIds?: string[];
  /** …or everyone in this agency's subtree (a whole staff import lands in one agency) who has no account yet. */
  agencyId?: string;
  role: Role;
  delivery: 'sheet' | 'email';
}

type Candidate = {
  id: string;
  fullName: string;
  staffCode: string;
  email: string | null;
  agencyId: string;
  agencyName: string;
  agencyPath: string;
  hasAccount: SqlBool;
};

async function candidates(db: Transaction<Database>, actor: Actor, input: BulkAccountsInput): Promise<Candidate[]> {
  if (!input.personIds?.length && !input.agencyId) throw new AppError('invalid_value', 400, { fields: ['personIds', 'agencyId'] });
  let query = db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select((eb) => [
      'p.id',
      'p.full_name as fullName',
      'p.staff_code as staffCode',
      'p.email',
      'a.id as agencyId',
      'a.name as agencyName',
      'a.path as agencyPath',
      eb.exists(eb.selectFrom('users as u').select('u.id').whereRef('u.person_id', '=', 'p.id')).as('hasAccount'),
    ])
    .where(scopeCondition(actor, 'a.path'));
  if (input.personIds?.length) {
    const ids = [...new Set(input.personIds)];
    const rows = await query.where('p.id', 'in', ids).execute();
    // A person outside the caller's scope answers as one that does not exist.
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw notFound({ personId: missing });
    return rows;
  }
  const agency = await liveAgencyInScope(db, actor, input.agencyId!);
  query = query.where('a.path', 'like', `${escapeLike(agency.path)}%`).where('p.status', '<>', 'retired');
  return query.orderBy('p.staff_code').execute();
}

export interface BulkAccountsResult {
  created: { id: string; username: string; displayName: string; personId: string; staffCode: string; agencyName: string; emailed: boolean }[];
  skipped: { personId: string; fullName: string; staffCode: string; reason: 'has_account' }[];
  emailed: number;
  /** The printable sheet (base64 PDF) with the passwords of those not reached by e-mail; null when everyone was. Shown once. */
  sheet: string | null;
}

/**
 * Creates sign-in accounts for people of the register (all in one
 * transaction, audited one by one), each with a generated first password that
 * must be changed at first sign-in. Passwords are stored only hashed and
 * handed out once: by e-mail where asked and the person has an address, the
 * rest on the printable sheet returned with the answer. People who already
 * have an account are listed as skipped, not changed.
 */
export async function createAccountsForPeople(
  db: Db,
  actor: Actor,
  input: BulkAccountsInput,
  language: Language,
  mailer: Mailer | null = configuredMailer(),
): Promise<BulkAccountsResult> {
  // Read in a transaction of its own: the agency check is the one the writers use.
  const people = await db.transaction().execute((trx) => candidates(trx, actor, input));
  const fresh = people.filter((p) => !p.hasAccount);
  if (fresh.length > BULK_ACCOUNTS_MAX) throw new AppError('bulk_accounts_too_many', 400, { count: fresh.length, max: BULK_ACCOUNTS_MAX });
  for (const p of fresh) if (!accountsPolicy.canManage(actor, { role: input.role, agencyPath: p.agencyPath })) throw forbidden({ role: input.role });

  const bases = fresh.map((p) => usernameBase(p.fullName, p.staffCode));
  const taken = new Set(
    bases.length === 0
      ? []
      : (
          await db
            .selectFrom('users')
            .select('username')
            .where((eb) => eb.or([...new Set(bases)].map((b) => eb('username', 'like', `${escapeLike(b)}%`))))
            .execute()
        ).map((u) => u.username),
  );
  const issued = await Promise.all(
    fresh.map(async (p, i) => {
      const password = initialPassword();
      return { person: p, username: uniqueUsername(bases[i]!, taken), password, hash: await hashPassword(password) };
    }),
  );

  const created = await db.transaction().execute(async (trx) => {
    if (issued.length === 0) return [];
    // Linked by someone else since we read the list: refuse the batch rather than give one person two accounts.
    const linked = await trx
      .selectFrom('users')
      .select('person_id')
      .where(
        'person_id',
        'in',
        issued.map((x) => x.person.id),
      )
      .executeTakeFirst();
    if (linked) throw conflict('already_exists', { fields: ['personId'], personId: linked.person_id });
    const rows = await trx
      .insertInto('users')
      .values(
        issued.map((x) => ({
          username: x.username,
          display_name: normalizeVietnamese(x.person.fullName),
          role: input.role,
          agency_id: x.person.agencyId,
          person_id: x.person.id,
          password_hash: x.hash,
          password_must_change: true,
        })),
      )
      .returning(['id', 'username'])
      .execute();
    const idOf = new Map(rows.map((r) => [r.username, r.id]));
    for (const x of issued) {
      // The password and its hash never enter the audit trail.
      await recordAudit(trx, actor, {
        action: 'create',
        entity: 'user',
        entityId: idOf.get(x.username)!,
        agencyPath: x.person.agencyPath,
        after: { username: x.username, role: input.role, agency_id: x.person.agencyId, person_id: x.person.id, delivery: input.delivery },
      });
    }
    return issued.map((x) => ({ ...x, id: idOf.get(x.username)! }));
  });

  // Mail after the commit: a message cannot be taken back, and one that fails puts its password on the sheet instead.
  const emailed = new Set<string>();
  if (input.delivery === 'email' && mailer) {
    for (const x of created) {
      if (!x.person.email) continue;
      try {
        await mailer.send({
          to: x.person.email,
          subject: 'Tài khoản NangLuc / Your NangLuc account',
          text: firstPasswordMail(x.person.fullName, x.username, x.password),
        });
        emailed.add(x.id);
      } catch {
        // Left for the sheet.
      }
    }
  }
  const onSheet = created.filter((x) => !emailed.has(x.id));
  const sheet =
    onSheet.length === 0
      ? null
      : (
          await accountSheetPdf(
            onSheet.map((x) => ({
              fullName: x.person.fullName,
              staffCode: x.person.staffCode,
              agencyName: x.person.agencyName,
              username: x.username,
              password: x.password,
            })),
            language,
          )
        ).toString('base64');
  return {
    created: created.map((x) => ({
      id: x.id,
      username: x.username,
      displayName: normalizeVietnamese(x.person.fullName),
      personId: x.person.id,
      staffCode: x.person.staffCode,
      agencyName: x.person.agencyName,
      emailed: emailed.has(x.id),
    })),
    skipped: people.filter((p) => p.hasAccount).map((p) => ({ personId: p.id, fullName: p.fullName, staffCode: p.staffCode, reason: 'has_account' as const })),
    emailed: emailed.size,
    sheet,
  };
}

/** Vietnamese first, English second: the register does not say which language a person reads. */
function firstPasswordMail(fullName: string, username: string, password: string): string {
  return [
    `Kính gửi ${fullName},`,
    '',
    'Bộ phận tổ chức cán bộ đã tạo tài khoản NangLuc cho anh/chị.',
    `Tên đăng nhập: ${username}`,
    `Mật khẩu ban đầu: ${password}`,
    'Anh/chị sẽ được yêu cầu đổi mật khẩu khi đăng nhập lần đầu.',
    '',
    '---',
    `Dear ${fullName}, your HR office created a NangLuc account for you.`,
    `Username: ${username} — first password: ${password}. You will be asked to change it at first sign-in.`,
  ].join('\n');
}
