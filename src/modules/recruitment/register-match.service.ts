/**
 * Is a self-registered outsider already in the register? Appointing them must not create a second person (their
 * history, gap profile and plans would split in two). The same citizen identity number is the same person; the
 * same date of birth and the same name (without diacritics, as Vietnamese names are typed both ways) probably is.
 * The match is only proposed: HR confirms the record, or states it is someone else.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors.js';
import { foldForSearch } from '../../platform/text/vietnamese.js';
import { applicationOf } from './assessment.repository.js';
import { hrCampaign } from './ranking.service.js';

export interface RegisterMatch {
  personId: string;
  staffCode: string;
  fullName: string;
  dateOfBirth: string | null;
  agencyName: string;
  status: string;
  matchedOn: 'identity_number' | 'name_and_birth';
}

/** A 12-digit citizen identity number, spaces and dots typed in it ignored; anything else: null (never matched). */
export function normaliseIdentityNumber(value: string | null | undefined): string | null {
  const digits = (value ?? '').replace(/[\s.-]/g, '');
  return /^\d{12}$/.test(digits) ? digits : null;
}

export async function registerMatches(
  db: Kysely<Database>,
  candidate: { identityNumber: string | null; fullName: string; dateOfBirth: string | null },
): Promise<RegisterMatch[]> {
  const identity = normaliseIdentityNumber(candidate.identityNumber);
  if (!identity && !candidate.dateOfBirth) return [];
  const rows = await db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id as personId', 'p.staff_code as staffCode', 'p.full_name as fullName', 'p.search_name as searchName', 'p.identity_number as identityNumber'])
    .select(['p.status', 'a.name as agencyName'])
    .select((eb) => eb.fn<string | null>('to_char', [eb.ref('p.date_of_birth'), eb.val('YYYY-MM-DD')]).as('dateOfBirth'))
    .where((eb) =>
      eb.or([
        ...(identity ? [eb('p.identity_number', '=', identity)] : []),
        ...(candidate.dateOfBirth ? [eb('p.date_of_birth', '=', candidate.dateOfBirth)] : []),
      ]),
    )
    .limit(200)
    .execute();
  const name = foldForSearch(candidate.fullName);
  const out: RegisterMatch[] = [];
  for (const r of rows) {
    const matchedOn =
      identity && r.identityNumber === identity
        ? 'identity_number'
        : r.dateOfBirth === candidate.dateOfBirth && r.searchName === name
          ? 'name_and_birth'
          : null;
    // Two different identity numbers are two people, whatever their names and birthdays.
    if (!matchedOn || (matchedOn === 'name_and_birth' && identity && r.identityNumber && r.identityNumber !== identity)) continue;
    out.push({
      personId: r.personId,
      staffCode: r.staffCode,
      fullName: r.fullName,
      dateOfBirth: r.dateOfBirth,
      agencyName: r.agencyName,
      status: r.status,
      matchedOn,
    });
  }
  return out.sort((a, b) => (a.matchedOn === b.matchedOn ? a.staffCode.localeCompare(b.staffCode) : a.matchedOn === 'identity_number' ? -1 : 1));
}

/** HR's view before appointing: the register entries the application's candidate may already be (none if linked). */
export async function applicationRegisterMatches(db: Kysely<Database>, actor: Actor, applicationId: string) {
  const application = await applicationOf(db, applicationId);
  if (!application) throw notFound();
  await hrCampaign(db, actor, application.campaignId);
  if (application.candidatePersonId) return { linkedPersonId: application.candidatePersonId, items: [] };
  return { linkedPersonId: null, items: await registerMatches(db, application) };
}
