import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { now, today } from '../../platform/clock.js';
import type { Db } from '../../platform/db/engine.js';
import type { Database } from '../../platform/db/schema.js';
import type { RoleCategory } from '../people/people.tables.js';
import { AppError, notFound } from '../../platform/errors.js';
import { foldForSearch, nameSortKey } from '../../platform/text/vietnamese.js';
import { DEFAULT_RULES } from '../assessment/consolidation.js';
import { archiveResults, insertResults } from '../assessment/results.repository.js';
import { emit } from '../events.js';
import { openAssignment } from '../people/people.assignments.js';
import { recommendationEvidence } from '../training/plans/plans.repository.js';
import { recommendCourses } from '../training/plans/recommend.js';
import { applicationOf, profilesOf, type CampaignRow, type ProfileCompetency } from './assessment.repository.js';
import { computeRanking, hrCampaign } from './ranking.service.js';
import { normaliseIdentityNumber, registerMatches } from './register-match.service.js';

type Trx = Transaction<Database>;
/** A first plan recommends at most this many courses, as a person's own plan does. */
const FIRST_PLAN_COURSES = 5;
/** An application still in the running may be appointed; one refused, withdrawn or already decided may not. */
const APPOINTABLE = ['submitted', 'screened_in', 'shortlisted'];

/**
 * The campaign's closed assessment cycle that holds its appointees' assessed levels. The gap profile, the
 * development plan and the needs summaries all read a person's levels from assessment_results of a closed cycle
 * (needs.service personGapProfile, plans.repository planSubject), so writing the recruitment's consolidated levels
 * there — an ad-hoc cycle of the campaign's agency, closed from the start, with only appointees in its scope — makes
 * them the starting point of the new official's gap profile without a new source, cycle kind or column in the
 * assessment module. Their next periodic cycle supersedes it as the newest.
 */
async function recruitmentCycle(trx: Trx, campaign: CampaignRow, profile: readonly ProfileCompetency[], personId: string, actor: Actor) {
  const existing = await trx
    .selectFrom('recruitment_appointments as x')
    .innerJoin('assessment_cycles as c', 'c.id', 'x.cycle_id')
    .select(['c.id', 'c.scope', 'c.framework_version_id as versionId'])
    .where('x.campaign_id', '=', campaign.id)
    .where('c.framework_version_id', '=', profile[0]!.versionId)
    .executeTakeFirst();
  if (existing) {
    const scope = { ...existing.scope, personIds: [...existing.scope.personIds, personId] };
    await trx
      .updateTable('assessment_cycles')
      .set({ scope: JSON.stringify(scope), updated_at: now() })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const row = await trx
    .insertInto('assessment_cycles')
    .values({
      agency_id: campaign.agencyId,
      name: `Tuyển dụng ${campaign.code}: ${campaign.title}`,
      name_en: `Recruitment ${campaign.code}: ${campaign.title}`,
      kind: 'ad_hoc',
      scope: JSON.stringify({ agencyIds: [], positionIds: [], personIds: [personId] }),
      opens_on: today(),
      closes_on: today(),
      framework_version_id: profile[0]!.versionId,
      weights: JSON.stringify(DEFAULT_RULES.weights),
      min_peers: 0,
      anonymity_threshold: DEFAULT_RULES.anonymityThreshold,
      gap_threshold: DEFAULT_RULES.gapThreshold,
      status: 'closed',
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * An outsider who may already be in the register (register-match.service.ts): HR names the record (`personId`, one
 * of the matches), which is linked to the candidate and moves to the post, or states it is someone else
 * (`newPerson`). Neither, with a match: refused with the matches, so nobody becomes two people unseen.
 */
async function confirmedRegisterEntry(
  trx: Trx,
  actor: Actor,
  campaign: CampaignRow,
  application: NonNullable<Awaited<ReturnType<typeof applicationOf>>>,
  input: { personId?: string; newPerson?: boolean },
): Promise<string | null> {
  const matches = await registerMatches(trx, application);
  if (input.personId) {
    const match = matches.find((m) => m.personId === input.personId);
    if (!match) throw new AppError('recruitment_register_match_invalid', 422, { field: 'personId' });
    await trx.updateTable('recruitment_candidates').set({ person_id: match.personId, updated_at: now() }).where('id', '=', application.candidateId).execute();
    await recordAudit(trx, actor, {
      action: 'match_register',
      entity: 'recruitment_candidate',
      entityId: application.candidateId,
      agencyPath: campaign.agencyPath,
      after: { personId: match.personId, staffCode: match.staffCode, matchedOn: match.matchedOn, applicationId: application.id },
    });
    return match.personId;
  }
  if (matches.length > 0 && !input.newPerson)
    throw new AppError('recruitment_register_match', 409, {
      field: 'personId',
      matches: matches.map((m) => ({ personId: m.personId, staffCode: m.staffCode, fullName: m.fullName, agencyName: m.agencyName, matchedOn: m.matchedOn })),
    });
  return null;
}

interface Post {
  agencyId: string;
  agencyPath: string;
  positionId: string;
  roleCategory: RoleCategory | null;
  effectiveDate: string;
  applicationId: string;
}

/**
 * The appointee already in the register moves to the appointed post: a civil servant of another agency is
 * transferred (their record, with its history of dated assignments, now the appointing agency's, so HR of the old
 * agency no longer reads it), one of this agency changes post. Their own civil-servant account follows them.
 * Audited as a transfer, naming both agencies. Returns the person's staff code (theirs stays).
 */
async function moveToPost(trx: Trx, actor: Actor, personId: string, post: Post): Promise<string> {
  const before = await trx
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.staff_code', 'p.agency_id', 'a.path as agency_path', 'p.position_id', 'p.role_category', 'p.rank', 'p.status'])
    .where('p.id', '=', personId)
    .forUpdate('p')
    .executeTakeFirstOrThrow();
  if (before.agency_id === post.agencyId && before.position_id === post.positionId && before.status === 'active') return before.staff_code;
  const next = { agency_id: post.agencyId, position_id: post.positionId, role_category: post.roleCategory, status: 'active' as const };
  await trx
    .updateTable('people')
    .set({ ...next, updated_at: now() })
    .where('id', '=', personId)
    .execute();
  await openAssignment(trx, personId, {
    agencyId: post.agencyId,
    positionId: post.positionId,
    roleCategory: post.roleCategory,
    rank: before.rank,
    status: 'active',
    effectiveDate: post.effectiveDate,
    reason: 'transfer',
  });
  if (before.agency_id !== post.agencyId) {
    await trx
      .updateTable('users')
      .set({ agency_id: post.agencyId, updated_at: now() })
      .where('person_id', '=', personId)
      .where('role', '=', 'civil_servant')
      .execute();
  }
  await recordAudit(trx, actor, {
    action: 'transfer',
    entity: 'person',
    entityId: personId,
    agencyPath: post.agencyPath,
    relatedAgencyPaths: [before.agency_path],
    before: {
      agencyId: before.agency_id,
      agencyPath: before.agency_path,
      positionId: before.position_id,
      roleCategory: before.role_category,
      status: before.status,
    },
    after: { ...next, effectiveDate: post.effectiveDate, applicationId: post.applicationId },
  });
  return before.staff_code;
}

/**
 * HR appoints a ranked candidate, in one transaction: the person in the register (the campaign's agency and the
 * position; a member of staff who applied, of this agency or another, keeps their one record and moves to the post), their assessed levels as the results of the
 * campaign's recruitment cycle, a first development plan from their gaps, the application 'appointed'. Audited.
 */
export async function appointCandidate(
  db: Db,
  actor: Actor,
  applicationId: string,
  input: { staffCode: string; reason: string; startDate?: string; personId?: string; newPerson?: boolean },
) {
  return db.transaction().execute(async (trx) => {
    const application = await applicationOf(trx, applicationId);
    if (!application) throw notFound();
    const campaign = await hrCampaign(trx, actor, application.campaignId);
    await trx.selectFrom('recruitment_applications').select('id').where('id', '=', applicationId).forUpdate().execute();
    if (campaign.status === 'draft' || campaign.status === 'cancelled')
      throw new AppError('recruitment_campaign_not_assessing', 409, { status: campaign.status });
    if (!APPOINTABLE.includes(application.status)) throw new AppError('recruitment_not_appointable', 409, { status: application.status });
    if (application.erasedAt) throw new AppError('recruitment_not_appointable', 409, { status: 'erased' });
    const ranking = await computeRanking(trx, campaign);
    const position = ranking.positions.find((p) => p.positionId === application.positionId)!;
    const ranked = position.candidates.find((c) => c.applicationId === applicationId);
    if (!ranked || ranked.levels.length === 0) throw new AppError('recruitment_not_ranked', 409);
    if (position.appointed >= position.posts) throw new AppError('recruitment_posts_filled', 409, { posts: position.posts });
    const profile = (await profilesOf(trx, [application.positionId])).get(application.positionId)!;
    const positionRow = await trx.selectFrom('positions').select(['role_category']).where('id', '=', application.positionId).executeTakeFirstOrThrow();

    let personId = application.candidatePersonId ?? (await confirmedRegisterEntry(trx, actor, campaign, application, input));
    let staffCode = input.staffCode.trim().toUpperCase();
    if (personId) {
      // A member of the register (of this agency or another) keeps their one record: it moves to the post.
      staffCode = await moveToPost(trx, actor, personId, {
        agencyId: campaign.agencyId,
        agencyPath: campaign.agencyPath,
        positionId: application.positionId,
        roleCategory: positionRow.role_category,
        effectiveDate: input.startDate ?? today(),
        applicationId,
      });
    } else {
      if (await trx.selectFrom('people').select('id').where('staff_code', '=', staffCode).executeTakeFirst()) {
        throw new AppError('staff_code_exists', 409, { staffCode, field: 'staffCode' });
      }
      const row = {
        staff_code: staffCode,
        full_name: application.fullName,
        search_name: foldForSearch(application.fullName),
        name_sort_key: nameSortKey(application.fullName),
        date_of_birth: application.dateOfBirth,
        identity_number: normaliseIdentityNumber(application.identityNumber),
        gender: application.gender,
        agency_id: campaign.agencyId,
        position_id: application.positionId,
        role_category: positionRow.role_category,
        rank: null,
        email: application.email,
        phone: application.phone,
        status: 'active' as const,
      };
      personId = (await trx.insertInto('people').values(row).returning('id').executeTakeFirstOrThrow()).id;
      await openAssignment(trx, personId, {
        agencyId: campaign.agencyId,
        positionId: application.positionId,
        roleCategory: positionRow.role_category,
        rank: null,
        status: 'active',
        effectiveDate: input.startDate ?? today(),
        reason: 'hired',
      });
      await trx.updateTable('recruitment_candidates').set({ person_id: personId, updated_at: now() }).where('id', '=', application.candidateId).execute();
      await recordAudit(trx, actor, {
        action: 'create',
        entity: 'person',
        entityId: personId,
        agencyPath: campaign.agencyPath,
        after: { ...row, applicationId },
      });
    }

    const cycleId = await recruitmentCycle(trx, campaign, profile, personId, actor);
    const levels = new Map(ranked.levels.map((l) => [l.competencyId, l.level]));
    // Only competencies with evidence: a result row is an assessed level, and a submitted sheet rates the whole profile.
    const assessed = profile.filter((p) => levels.has(p.competencyId));
    await trx
      .insertInto('assessment_subjects')
      .values({
        cycle_id: cycleId,
        person_id: personId,
        agency_id: campaign.agencyId,
        position_id: application.positionId,
        competency_ids: JSON.stringify(assessed.map((p) => p.competencyId)),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const previous = await archiveResults(trx, cycleId, [personId]);
    await insertResults(
      trx,
      cycleId,
      assessed.map((p) => ({
        person_id: personId,
        competency_id: p.competencyId,
        agency_id: campaign.agencyId,
        position_id: application.positionId,
        role_category: positionRow.role_category,
        assessed_level: levels.get(p.competencyId)!,
        required_level: p.requiredLevel,
        criticality: p.criticality,
        spread: 0,
        source_count: 1,
        self_level: null,
        others_level: null,
        flag: null,
        // The recruitment panel stands as the expert source: assessors from outside the person's working circle.
        source_groups: JSON.stringify([{ source: 'expert', level: levels.get(p.competencyId)!, raters: 1, weight: 1 }]),
        version: (previous.get(personId) ?? 0) + 1,
      })),
      now(),
    );
    await emit(trx, 'assessment.resultsConsolidated', { cycleId, personIds: [personId], previousVersions: previous });

    const evidence = await recommendationEvidence(trx, personId, cycleId);
    const courses = recommendCourses(evidence.standings, evidence.courses, {
      completed: evidence.completed,
      enrolled: evidence.enrolled,
      limit: FIRST_PLAN_COURSES,
    });
    const plan = await trx
      .insertInto('training_development_plans')
      .values({ person_id: personId, cycle_id: cycleId, agency_id: campaign.agencyId })
      .onConflict((oc) => oc.columns(['person_id', 'cycle_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (plan && courses.length) {
      await trx
        .insertInto('training_plan_items')
        .values(
          courses.map((c, i) => ({
            plan_id: plan.id,
            course_id: c.courseId,
            session_id: null,
            position: i,
            benefit: c.benefit,
            reasons: JSON.stringify(c.reasons),
            added_by: 'leader' as const,
          })),
        )
        .execute();
    }
    await trx
      .insertInto('recruitment_appointments')
      .values({
        application_id: applicationId,
        campaign_id: campaign.id,
        person_id: personId,
        cycle_id: cycleId,
        plan_id: plan?.id ?? null,
        fit_score: ranked.fit,
        reason: input.reason,
        appointed_by: actor.userId,
      })
      .execute();
    await trx.updateTable('recruitment_applications').set({ status: 'appointed', updated_at: now() }).where('id', '=', applicationId).execute();
    const after = {
      personId,
      staffCode,
      cycleId,
      planId: plan?.id ?? null,
      fit: ranked.fit,
      rank: ranked.rank,
      reason: input.reason,
      courses: courses.map((c) => c.courseId),
    };
    await recordAudit(trx, actor, {
      action: 'appoint',
      entity: 'recruitment_application',
      entityId: applicationId,
      agencyPath: campaign.agencyPath,
      before: { status: application.status },
      after,
    });
    return { applicationId, status: 'appointed' as const, ...after };
  });
}
