// Attacks on the anonymity of peer and subordinate ratings (issue 12, defect 4),
// through the HTTP API on a real database. Each attack is a sequence of actions
// HR may take, followed by what the person rated, their leader and HR can read;
// the attacker then tries to compute one anonymous rater's ratings by
// differencing two versions of the results. The rule that defeats them is in
// docs/ANONYMITY.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { createAssessmentFixture, type AssessmentFixture } from './fixtures.js';
import { day } from '../support/waits.js';

let t: TestApp;
let fx: AssessmentFixture;
let hr: Agent;
let lan: string;
let minh: string;
const PEERS = ['peer.duc', 'peer.ngoc', 'peer.anh', 'peer.binh'] as const;
/** Each rater's level per competency (the fixture's four competencies); D is peer.binh. */
const LEVELS: Record<string, number[]> = {
  'peer.duc': [1, 2, 3, 4],
  'peer.ngoc': [2, 3, 4, 5],
  'peer.anh': [3, 4, 5, 1],
  'peer.binh': [5, 1, 2, 3],
  'canbo.hanoi': [4, 4, 4, 4],
  'leader.hanoi': [3, 3, 3, 3],
};

interface Group {
  source: string;
  level: number;
  raters: number;
  weight: number;
}
interface Competency {
  competencyId: string;
  assessedLevel: number;
  othersLevel: number | null;
  selfLevel: number | null;
  sources: Group[];
}
interface Snapshot {
  version: number | null;
  competencies: Competency[];
  body: string;
}

async function newCycle(personIds: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const created = await hr.post('/api/assessments/cycles', {
    name: `Đợt thử ẩn danh ${crypto.randomUUID().slice(0, 8)}`,
    kind: 'ad_hoc',
    scope: { personIds },
    opensOn: day(-1),
    closesOn: day(30),
    frameworkVersionId: fx.versionId,
    ...extra,
  });
  expect(created.statusCode, created.body).toBe(201);
  const cycleId = created.json().id as string;
  expect((await hr.post(`/api/assessments/cycles/${cycleId}/assign`, {})).statusCode).toBe(200);
  return cycleId;
}
async function raters(
  cycleId: string,
  subjectId: string,
): Promise<Array<Record<string, unknown> & { id: string; source: string; raterName: string; status: string }>> {
  const response = await hr.get(`/api/assessments/cycles/${cycleId}/subjects?limit=500`);
  expect(response.statusCode).toBe(200);
  return response.json().items.find((s: { personId: string }) => s.personId === subjectId).raters;
}
/** Make the subject's raters of `source` exactly these usernames. */
async function setRaters(cycleId: string, subjectId: string, source: 'peer' | 'subordinate', usernames: readonly string[]) {
  const wanted = new Set(usernames.map((u) => fx.personIds[u]!));
  const rows = await t.db
    .selectFrom('assessment_assignments')
    .select(['id', 'rater_person_id', 'source'])
    .where('cycle_id', '=', cycleId)
    .where('subject_id', '=', subjectId)
    .execute();
  for (const r of rows) {
    if (r.source === source && !wanted.has(r.rater_person_id!)) expect((await hr.delete(`/api/assessments/assignments/${r.id}`)).statusCode).toBe(204);
  }
  for (const id of wanted) {
    if (rows.some((r) => r.rater_person_id === id)) continue;
    const added = await hr.post(`/api/assessments/cycles/${cycleId}/subjects/${subjectId}/raters`, { source, personId: id });
    expect(added.statusCode, added.body).toBe(201);
  }
}
async function formOf(username: string, cycleId: string, subjectId: string): Promise<string> {
  const agent = await t.signIn(username);
  const forms = (await agent.get('/api/assessments/forms')).json().items as Array<{ id: string; subjectName: string; cycleId: string }>;
  const name = (await t.db.selectFrom('people').select('full_name').where('id', '=', subjectId).executeTakeFirstOrThrow()).full_name;
  return forms.find((f) => f.cycleId === cycleId && f.subjectName === name)!.id;
}
async function submit(username: string, cycleId: string, subjectId: string, levels = LEVELS[username]!) {
  const agent = await t.signIn(username);
  const response = await agent.post(`/api/assessments/forms/${await formOf(username, cycleId, subjectId)}/submit`, {
    ratings: fx.competencyIds.map((competencyId, i) => ({ competencyId, level: levels[i] })),
  });
  expect(response.statusCode, response.body).toBe(200);
}
async function consolidate(cycleId: string) {
  const response = await hr.post(`/api/assessments/cycles/${cycleId}/consolidate`, {});
  expect(response.statusCode, response.body).toBe(200);
}
async function setStatus(cycleId: string, status: 'open' | 'closed') {
  expect((await hr.patch(`/api/assessments/cycles/${cycleId}`, { status })).statusCode).toBe(200);
}
async function snapshot(viewer: string, cycleId: string, subjectId: string): Promise<Snapshot> {
  const response = await (await t.signIn(viewer)).get(`/api/assessments/reports/people/${subjectId}?cycleId=${cycleId}`);
  expect(response.statusCode, response.body).toBe(200);
  const report = response.json();
  const needs = await (await t.signIn(viewer)).get(`/api/needs/people/${subjectId}?cycleId=${cycleId}`);
  return {
    version: report.cycle?.id === cycleId ? report.cycle.version : null,
    competencies: report.cycle?.id === cycleId ? report.competencies : [],
    body: response.body + needs.body,
  };
}

/**
 * What the attacker reads as the anonymous aggregate of one competency: the
 * group itself, or else what the others' level implies beyond the leader's
 * known rating (default weights: leader 40, peers 20).
 */
function anonymousMean(c: Competency | undefined, leaderLevel: number): number | null {
  if (!c) return null;
  const group = c.sources.find((g) => ['peer', 'subordinate', 'colleagues'].includes(g.source));
  if (group) return group.level;
  if (c.othersLevel === null || Math.abs(c.othersLevel - leaderLevel) < 0.005) return null;
  return (c.othersLevel * 60 - leaderLevel * 40) / 20;
}
/** One rater's levels from two versions whose groups differ by that rater: n·m(n) − (n−1)·m(n−1). */
function difference(withRater: Snapshot, without: Snapshot, n: number, leaderLevels: number[]): number[] | null {
  const recovered = fx.competencyIds.map((id, i) => {
    const a = anonymousMean(
      withRater.competencies.find((c) => c.competencyId === id),
      leaderLevels[i]!,
    );
    const b = anonymousMean(
      without.competencies.find((c) => c.competencyId === id),
      leaderLevels[i]!,
    );
    return a === null || b === null ? null : Math.round(n * a - (n - 1) * b);
  });
  return recovered.some((r) => r === null) ? null : (recovered as number[]);
}
/** Every pair of snapshots, both ways, tried as "with" and "without" the rater. */
function recoverable(snapshots: Snapshot[], sizes: number[], leaderLevels: number[], secret: number[]): boolean {
  for (let i = 0; i < snapshots.length; i++) {
    for (let j = 0; j < snapshots.length; j++) {
      if (i === j) continue;
      for (const n of new Set(sizes)) {
        const got = difference(snapshots[i]!, snapshots[j]!, n, leaderLevels);
        if (got && got.every((v, k) => v === secret[k])) return true;
      }
    }
  }
  return false;
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await createAssessmentFixture(t.db);
  hr = await t.signIn('hr.hanoi');
  lan = fx.personIds['canbo.hanoi']!;
  minh = fx.personIds['leader.hanoi']!;
});
afterAll(() => t.close());

describe('anonymity of rater groups under attack', () => {
  it('(a) a closed cycle: HR reopens one peer’s form and consolidates again; no one can compute that peer’s ratings', async () => {
    const cycleId = await newCycle([lan]);
    await setRaters(cycleId, lan, 'peer', PEERS);
    for (const u of ['canbo.hanoi', 'leader.hanoi', ...PEERS]) await submit(u, cycleId, lan);
    await setStatus(cycleId, 'closed');
    await consolidate(cycleId);
    const viewers = ['canbo.hanoi', 'leader.hanoi', 'hr.hanoi'];
    const before = await Promise.all(viewers.map((v) => snapshot(v, cycleId, lan)));
    // The four peers are shown as one group once membership is final.
    expect(before[0]!.competencies[0]!.sources.find((g) => g.source === 'peer')).toMatchObject({ raters: 4, level: 2.75 });

    // HR reopens D's form in the closed cycle and consolidates: a new version without D.
    const dForm = await formOf('peer.binh', cycleId, lan);
    expect((await hr.post(`/api/assessments/forms/${dForm}/reopen`)).json().status).toBe('draft');
    await consolidate(cycleId);
    const reopened = await Promise.all(viewers.map((v) => snapshot(v, cycleId, lan)));
    expect(reopened[0]!.version).toBe(before[0]!.version! + 1);

    // HR opens the cycle again, D changes every rating, HR consolidates and closes.
    await setStatus(cycleId, 'open');
    const changed = [4, 4, 4, 4];
    await submit('peer.binh', cycleId, lan, changed);
    await consolidate(cycleId);
    await setStatus(cycleId, 'closed');
    const after = await Promise.all(viewers.map((v) => snapshot(v, cycleId, lan)));

    for (let v = 0; v < viewers.length; v++) {
      const versions = [before[v]!, reopened[v]!, after[v]!];
      expect(recoverable(versions, [4], LEVELS['leader.hanoi']!, LEVELS['peer.binh']!), `${viewers[v]} recovers D`).toBe(false);
      expect(recoverable(versions, [4], LEVELS['leader.hanoi']!, changed), `${viewers[v]} recovers D's new ratings`).toBe(false);
      // The versions after the change hide the peer group (and its weight) rather than show a differenced one.
      for (const s of [reopened[v]!, after[v]!]) {
        for (const c of s.competencies) expect(c.sources.map((g) => g.source)).toEqual(['self', 'leader']);
      }
      // Nobody sees a rater's name or id in a report.
      for (const u of PEERS) expect(versions.map((s) => s.body).join()).not.toContain(fx.personIds[u]!);
    }
    // The re-consolidations are audited versions that say groups were hidden; the audit of D's form holds no levels.
    const trail = (await hr.get(`/api/audit?entity=assessment_cycle&entityId=${cycleId}&limit=100`)).json().items as Array<{
      action: string;
      after: Record<string, unknown>;
    }>;
    expect(trail.filter((e) => e.action === 'consolidate').map((e) => e.after.hiddenGroups)).toEqual([1, 1, 0]);
    const formTrail = await hr.get(`/api/audit?entity=assessment_form&entityId=${dForm}&limit=100`);
    expect(formTrail.json().items.length).toBeGreaterThan(0);
    expect(formTrail.body).not.toMatch(/"level"|"ratings":\[/);
  });

  it('(b) an open cycle: HR consolidates after each peer submission and cannot isolate one rater', async () => {
    const cycleId = await newCycle([lan]);
    await setRaters(cycleId, lan, 'peer', PEERS);
    await submit('canbo.hanoi', cycleId, lan);
    await submit('leader.hanoi', cycleId, lan);
    const seen: Snapshot[] = [];
    for (const u of PEERS) {
      await submit(u, cycleId, lan);
      await consolidate(cycleId);
      seen.push(await snapshot('hr.hanoi', cycleId, lan));
    }
    for (const u of PEERS) expect(recoverable(seen, [2, 3, 4], LEVELS['leader.hanoi']!, LEVELS[u]!), `HR recovers ${u}`).toBe(false);
    // Peers appear only once all four assigned have submitted, as one group of four.
    expect(seen.map((s) => s.competencies[0]!.sources.find((g) => g.source === 'peer')?.raters ?? 0)).toEqual([0, 0, 0, 4]);
    // Closing changes nothing: the same group, the same mean.
    await setStatus(cycleId, 'closed');
    await consolidate(cycleId);
    const closed = await snapshot('canbo.hanoi', cycleId, lan);
    expect(closed.competencies.map((c) => c.sources.find((g) => g.source === 'peer')?.level)).toEqual(
      seen[3]!.competencies.map((c) => c.sources.find((g) => g.source === 'peer')?.level),
    );
  });

  it('(c) the subjects list never pairs a rater with a time, nor orders raters by submission', async () => {
    const cycleId = await newCycle([lan]);
    await setRaters(cycleId, lan, 'peer', PEERS);
    const order = (list: Array<{ id: string }>) => list.map((r) => r.id);
    const initial = order(await raters(cycleId, lan));
    for (const u of [...PEERS].reverse()) {
      await submit(u, cycleId, lan);
      const now = await raters(cycleId, lan);
      expect(order(now)).toEqual(initial);
      for (const r of now) {
        for (const value of Object.values(r)) expect(String(value)).not.toMatch(/^\d{4}-\d\d-\d\d/);
      }
    }
    // Progress per rater gives counts, not submission times.
    const progress = await hr.get(`/api/assessments/cycles/${cycleId}/progress`);
    expect(progress.body).not.toMatch(/submitted_?[aA]t/);
  });

  it('(d) a late subordinate after results were shown: the new version hides the group instead of exposing the latecomer', async () => {
    const subordinates = ['canbo.hanoi', ...PEERS];
    const cycleId = await newCycle([minh]);
    await setRaters(cycleId, minh, 'subordinate', subordinates);
    await submit('leader.hanoi', cycleId, minh, [3, 3, 3, 3]);
    for (const u of subordinates.slice(0, 4)) await submit(u, cycleId, minh);
    // The window ends with four of five: HR closes and consolidates.
    await setStatus(cycleId, 'closed');
    await consolidate(cycleId);
    const first = await snapshot('leader.hanoi', cycleId, minh);
    expect(first.competencies[0]!.sources.find((g) => g.source === 'subordinate')?.raters).toBe(4);
    // The fifth hands in late: HR reopens the cycle for them and consolidates again.
    await setStatus(cycleId, 'open');
    await submit('peer.binh', cycleId, minh);
    await consolidate(cycleId);
    await setStatus(cycleId, 'closed');
    const second = await snapshot('leader.hanoi', cycleId, minh);
    const secret = LEVELS['peer.binh']!;
    // Minh has no leader here: the whole non-self result is the subordinates' mean.
    const mean = (s: Snapshot, i: number) => s.competencies[i]!.sources.find((g) => g.source === 'subordinate')?.level ?? null;
    const recovered = fx.competencyIds.map((_, i) => {
      const a = mean(second, i);
      const b = mean(first, i);
      return a === null || b === null ? null : Math.round(5 * a - 4 * b);
    });
    expect(recovered).not.toEqual(secret);
    for (const c of second.competencies) expect(c.sources.some((g) => g.source === 'subordinate')).toBe(false);
  });

  it('(d) a raised threshold pools peers with subordinates, a lowered one splits them again: the split group stays hidden', async () => {
    // Minh gets three peers and one subordinate; threshold 4 pools them as "colleagues" (4 raters).
    const cycleId = await newCycle([minh], { anonymityThreshold: 4 });
    await setRaters(cycleId, minh, 'subordinate', ['canbo.hanoi']);
    for (const u of ['peer.duc', 'peer.ngoc', 'peer.anh']) {
      expect((await hr.post(`/api/assessments/cycles/${cycleId}/subjects/${minh}/raters`, { source: 'peer', personId: fx.personIds[u] })).statusCode).toBe(201);
    }
    await submit('leader.hanoi', cycleId, minh, [3, 3, 3, 3]);
    for (const u of ['canbo.hanoi', 'peer.duc', 'peer.ngoc', 'peer.anh']) await submit(u, cycleId, minh);
    await setStatus(cycleId, 'closed');
    await consolidate(cycleId);
    const pooled = await snapshot('leader.hanoi', cycleId, minh);
    expect(pooled.competencies[0]!.sources.map((g) => [g.source, g.raters])).toContainEqual(['colleagues', 4]);
    // Threshold back to 3: peers alone (3) would be shown, and 4·colleagues − 3·peers = the lone subordinate.
    expect((await hr.patch(`/api/assessments/cycles/${cycleId}`, { anonymityThreshold: 3 })).statusCode).toBe(200);
    await consolidate(cycleId);
    const split = await snapshot('leader.hanoi', cycleId, minh);
    const group = (s: Snapshot, i: number, source: string) => s.competencies[i]!.sources.find((g) => g.source === source)?.level ?? null;
    const recovered = fx.competencyIds.map((_, i) => {
      const all = group(pooled, i, 'colleagues');
      const peers = group(split, i, 'peer');
      return all === null || peers === null ? null : Math.round(4 * all - 3 * peers);
    });
    expect(recovered).not.toEqual(LEVELS['canbo.hanoi']);
    expect(split.competencies).toHaveLength(fx.competencyIds.length);
    for (const c of split.competencies) expect(c.sources.map((g) => g.source)).toEqual(['self']);
  });
});
