// Recruitment fixtures: a campaign with its posts, stages and panel, and candidates with applications, written
// straight into migration 0031's tables (the campaign side is wt-rc's API; the assessment tests need only rows).
import type { TestApp, Agent } from '../support/test-app.js';
import { account, agency, framework, position, type AccountRow, type AgencyRow, type FrameworkRow } from '../support/factories.js';
import { foldForSearch } from '../../src/platform/text/vietnamese.js';
import type { CampaignStatus, StageKind } from '../../src/modules/recruitment/recruitment.tables.js';

export interface Member extends AccountRow {
  agent: Agent;
}

export interface Candidate {
  candidateId: string;
  applicationId: string;
  fullName: string;
  agent?: Agent;
}

export interface RecruitmentWorld {
  agencyA: AgencyRow;
  agencyB: AgencyRow;
  hrA: Agent;
  hrB: Agent;
  framework: FrameworkRow;
  positionId: string;
  campaignId: string;
  stages: Record<'screening' | 'test' | 'interview', string>;
  /** Three declared members, then one who has not declared. */
  members: Member[];
  undeclared: Member;
}

const unique = () => crypto.randomUUID().slice(0, 8).toUpperCase();

/**
 * Agency A's campaign for one position (posts given) whose profile is the framework's first two competencies:
 * A required 4 (criticality 1), B required 2 (criticality 2). Stages: screening, a knowledge test weighing 0.4,
 * an interview weighing 0.6. Tie-break rules as given.
 */
export async function recruitmentWorld(t: TestApp, o: { posts?: number; tieBreak?: unknown[]; status?: CampaignStatus } = {}): Promise<RecruitmentWorld> {
  const agencyA = await agency(t);
  const agencyB = await agency(t);
  const hrARow = await account(t, { agency: agencyA, role: 'hr_officer' });
  const hrBRow = await account(t, { agency: agencyB, role: 'hr_officer' });
  const fw = await framework(t, { agency: agencyA, competencies: 2 });
  const positionId = await position(t, { agency: agencyA, competencyIds: fw.competencyIds, requiredLevel: (i) => (i === 0 ? 4 : 2) });
  await t.db
    .updateTable('position_requirements')
    .set({ criticality: 1 })
    .where('position_id', '=', positionId)
    .where('competency_id', '=', fw.competencyIds[0]!)
    .execute();
  await t.db
    .updateTable('position_requirements')
    .set({ criticality: 2 })
    .where('position_id', '=', positionId)
    .where('competency_id', '=', fw.competencyIds[1]!)
    .execute();
  const campaign = await t.db
    .insertInto('recruitment_campaigns')
    .values({
      agency_id: agencyA.id,
      code: `TD-${unique()}`,
      title: 'Tuyển dụng công chức năm 2026',
      status: o.status ?? 'closed',
      tie_break: JSON.stringify(o.tieBreak ?? ['highest_weight_stage', 'earlier_submission']),
      created_by: hrARow.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('recruitment_campaign_posts')
    .values({ campaign_id: campaign.id, position_id: positionId, posts: o.posts ?? 1 })
    .execute();
  const stage = async (ordinal: number, kind: StageKind, name: string, weight: number) =>
    (await t.db.insertInto('recruitment_stages').values({ campaign_id: campaign.id, ordinal, kind, name, weight }).returning('id').executeTakeFirstOrThrow())
      .id;
  const stages = {
    screening: await stage(1, 'screening', 'Xét hồ sơ', 0),
    test: await stage(2, 'knowledge_test', 'Thi kiến thức', 0.4),
    interview: await stage(3, 'interview', 'Phỏng vấn', 0.6),
  };
  const member = async (declared: boolean): Promise<Member> => {
    const row = await account(t, { agency: agencyA, role: 'civil_servant' });
    await t.db
      .insertInto('recruitment_panel_members')
      .values({ campaign_id: campaign.id, user_id: row.userId, declared_at: declared ? new Date() : null })
      .execute();
    return { ...row, agent: await t.signIn(row.username, row.password) };
  };
  const members = [await member(true), await member(true), await member(true)];
  return {
    agencyA,
    agencyB,
    hrA: await t.signIn(hrARow.username, hrARow.password),
    hrB: await t.signIn(hrBRow.username, hrBRow.password),
    framework: fw,
    positionId,
    campaignId: campaign.id,
    stages,
    members,
    undeclared: await member(false),
  };
}

/** A candidate (with an account unless `account: false`; linked to a register entry if `personId`) and their application to the world's position. */
export async function applicant(
  t: TestApp,
  w: RecruitmentWorld,
  o: { fullName: string; submittedAt?: string; status?: 'submitted' | 'screened_in' | 'screened_out'; account?: boolean; personId?: string },
): Promise<Candidate> {
  const user = o.account === false ? null : await account(t, { agency: w.agencyA, role: 'candidate' });
  const candidate = await t.db
    .insertInto('recruitment_candidates')
    .values({
      user_id: user?.userId ?? null,
      person_id: o.personId ?? null,
      full_name: o.fullName,
      search_name: foldForSearch(o.fullName),
      date_of_birth: '1998-04-12',
      gender: 'female',
      email: `${unique().toLowerCase()}@ung-vien.test`,
      consent_at: new Date(),
      consent_version: 'v1',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const application = await t.db
    .insertInto('recruitment_applications')
    .values({
      campaign_id: w.campaignId,
      position_id: w.positionId,
      candidate_id: candidate.id,
      agency_id: w.agencyA.id,
      status: o.status ?? 'screened_in',
      ...(o.submittedAt ? { submitted_at: new Date(o.submittedAt) } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    candidateId: candidate.id,
    applicationId: application.id,
    fullName: o.fullName,
    agent: user ? await t.signIn(user.username, user.password) : undefined,
  };
}

/** A member's interview sheet, submitted: levels for competencies A and B. */
export async function rate(w: RecruitmentWorld, member: Member, applicationId: string, a: number, b: number, submit = true) {
  const [ca, cb] = w.framework.competencyIds as [string, string];
  return member.agent.put(`/api/recruitment/applications/${applicationId}/stages/${w.stages.interview}/sheet`, {
    ratings: [
      { competencyId: ca, level: a },
      { competencyId: cb, level: b },
    ],
    submit,
  });
}

/** HR's paper-test scores for A and B. */
export async function paperScores(w: RecruitmentWorld, applicationId: string, a: number, b: number) {
  const [ca, cb] = w.framework.competencyIds as [string, string];
  return w.hrA.put(`/api/recruitment/applications/${applicationId}/stages/${w.stages.test}/test-scores`, {
    scores: [
      { competencyId: ca, score: a },
      { competencyId: cb, score: b },
    ],
  });
}
