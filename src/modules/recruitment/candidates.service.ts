import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/engine.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { countLoginAttempt, type LoginLimits } from '../../platform/auth/login-limits.js';
import { AppError } from '../../platform/errors.js';
import { foldForSearch } from '../../platform/text/vietnamese.js';

const FIFTEEN_MINUTES = 15 * 60_000;
/** Sign-ups are counted like sign-ins: per name tried and per client address, in the database. */
export const SIGN_UP_LIMITS: LoginLimits = {
  account: { max: 5, windowMs: FIFTEEN_MINUTES },
  address: { max: 20, windowMs: FIFTEEN_MINUTES },
};

export interface SignUpInput {
  username: string;
  password: string;
  fullName: string;
  email: string;
  phone: string | null;
  dateOfBirth: string | null;
  identityNumber?: string | null;
  /** The notice the candidate signed up from: the account belongs to its agency. */
  campaignId?: string | undefined;
}

/**
 * A person outside the register opens a candidate account: a user with the `candidate` role (it reaches
 * nothing but their own applications) and the candidate row their personal data lives in. The account
 * belongs to the agency of the notice they came from, or to the root of the tree.
 */
export async function signUp(db: Db, input: SignUpInput, address: string): Promise<{ userId: string; candidateId: string }> {
  const username = input.username.toLowerCase();
  const attempt = await countLoginAttempt(db, SIGN_UP_LIMITS, { account: `sign-up:${username}`, address: `sign-up:${address}` });
  if (attempt.locked) throw new AppError('too_many_requests', 429, { retryAfterSeconds: attempt.retryAfterSeconds });
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (taken) throw new AppError('recruitment_username_taken', 409, { field: 'username' });
    const agency = await signUpAgency(trx, input.campaignId);
    const { id: userId } = await trx
      .insertInto('users')
      .values({ username, display_name: input.fullName, password_hash: passwordHash, role: 'candidate', agency_id: agency.id, person_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: candidateId } = await trx
      .insertInto('recruitment_candidates')
      .values({
        user_id: userId,
        full_name: input.fullName,
        search_name: foldForSearch(input.fullName),
        email: input.email,
        phone: input.phone,
        date_of_birth: input.dateOfBirth,
        identity_number: input.identityNumber ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Ids only: the trail outlives the candidate's data (erasure scrubs what it can find, this saves it the work).
    await recordAudit(
      trx,
      { userId, displayName: 'candidate' },
      {
        action: 'sign_up',
        entity: 'recruitment_candidate',
        entityId: candidateId,
        agencyPath: agency.path,
        after: { userId },
      },
    );
    return { userId, candidateId };
  });
}

async function signUpAgency(trx: Transaction<Database>, campaignId: string | undefined) {
  if (campaignId) {
    const campaign = await trx
      .selectFrom('recruitment_campaigns as c')
      .innerJoin('agencies as a', 'a.id', 'c.agency_id')
      .select(['a.id', 'a.path'])
      .where('c.id', '=', campaignId)
      .where('c.status', '=', 'published')
      .executeTakeFirst();
    if (campaign) return campaign;
  }
  return trx.selectFrom('agencies').select(['id', 'path']).where('parent_id', 'is', null).orderBy('path').limit(1).executeTakeFirstOrThrow();
}

/**
 * The candidate row of the caller: a candidate account has one from sign-up; a member of staff applying
 * for the first time gets one from their register entry (person_id links it, so an appointment finds them).
 */
export async function candidateOf(trx: Transaction<Database>, actor: Actor): Promise<{ id: string }> {
  const existing = await trx
    .selectFrom('recruitment_candidates')
    .select('id')
    .where('user_id', '=', actor.userId)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  if (existing) return existing;
  if (!actor.personId) throw new AppError('forbidden', 403);
  const person = await trx
    .selectFrom('people')
    .select(['full_name', 'date_of_birth', 'gender', 'email', 'phone'])
    .where('id', '=', actor.personId)
    .executeTakeFirstOrThrow();
  return trx
    .insertInto('recruitment_candidates')
    .values({
      user_id: actor.userId,
      person_id: actor.personId,
      full_name: person.full_name,
      search_name: foldForSearch(person.full_name),
      date_of_birth: person.date_of_birth,
      gender: person.gender,
      email: person.email,
      phone: person.phone,
    })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ updated_at: new Date() }))
    .returning('id')
    .executeTakeFirstOrThrow();
}
