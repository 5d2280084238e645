import { describe, expect, it } from 'vitest';
import {
  consolidateCompetency,
  DEFAULT_RULES,
  gapFlag,
  groupRatings,
  releasableGroups,
  weightShares,
  type AnonymousMembership,
  type ReceivedRating,
} from './consolidation.js';
import { defaultCutoffs, drawQuestions, scoreAnswers, scoreToLevel, validCutoffs } from './knowledge-test.js';
import { findDirectLeader, proposeRaters, type Colleague } from './rater-proposal.js';

const r = (source: ReceivedRating['source'], ...levels: number[]): ReceivedRating[] => levels.map((level) => ({ source, level }));

describe('consolidateCompetency (hand-computed)', () => {
  it('weights every source when all are present', () => {
    // self 4, leader 3, peers 3,3,4 (mean 3.333), subordinates 2,3,4 (mean 3), expert 3, test 2
    // weights 20/40/20/10/10/10 (total 110):
    // (20*4 + 40*3 + 20*3.3333 + 10*3 + 10*3 + 10*2) / 110 = (80+120+66.667+30+30+20)/110 = 346.667/110 = 3.1515
    const result = consolidateCompetency([
      ...r('self', 4),
      ...r('leader', 3),
      ...r('peer', 3, 3, 4),
      ...r('subordinate', 2, 3, 4),
      ...r('expert', 3),
      ...r('test', 2),
    ])!;
    expect(result.assessedLevel).toBe(3.15);
    // others: (120+66.667+30+30+20)/90 = 266.667/90 = 2.963
    expect(result.othersLevel).toBe(2.96);
    expect(result.selfLevel).toBe(4);
    // self − others = 1.04 ≥ 1: the person rates themself higher than others do.
    expect(result.flag).toBe('blind_spot');
    // group levels 4, 3, 3.333, 3, 3, 2: mean 3.0556; squared deviations
    // .8935 + .0031 + .0772 + .0031 + .0031 + 1.1142 = 2.0941; /6 = .3490; sqrt = .5908
    expect(result.spread).toBe(0.59);
    expect(result.sourceCount).toBe(6);
    expect(result.withheldRatings).toBe(0);
  });

  it('renormalises the weights over the sources present', () => {
    // self 2, leader 4: (20*2 + 40*4)/60 = 200/60 = 3.333; others = leader = 4; self − others = −2
    const result = consolidateCompetency([...r('self', 2), ...r('leader', 4)])!;
    expect(result.assessedLevel).toBe(3.33);
    expect(result.othersLevel).toBe(4);
    expect(result.flag).toBe('hidden_strength');
    // levels 2 and 4: SD = 1
    expect(result.spread).toBe(1);
  });

  it('leaves out fewer peers than the threshold, so none can be solved for', () => {
    // Two peers only (threshold 3): their ratings must not move the result.
    const without = consolidateCompetency([...r('self', 3), ...r('leader', 3)])!;
    const withTwoPeers = consolidateCompetency([...r('self', 3), ...r('leader', 3), ...r('peer', 1, 5)])!;
    expect(withTwoPeers.assessedLevel).toBe(without.assessedLevel);
    expect(withTwoPeers.othersLevel).toBe(without.othersLevel);
    expect(withTwoPeers.spread).toBe(without.spread);
    expect(withTwoPeers.groups.map((g) => g.source)).toEqual(['self', 'leader']);
    expect(withTwoPeers.withheldRatings).toBe(2);
  });

  it('pools short peer and subordinate groups as colleagues when together they reach the threshold', () => {
    // peers 2, 4 and one subordinate 3: pooled mean 3 with weight 20 + 10 = 30.
    // leader 5 (40): (40*5 + 30*3)/70 = 290/70 = 4.142857
    const result = consolidateCompetency([...r('leader', 5), ...r('peer', 2, 4), ...r('subordinate', 3)])!;
    expect(result.groups).toEqual([
      { source: 'leader', level: 5, raters: 1, weight: 40 },
      { source: 'colleagues', level: 3, raters: 3, weight: 30 },
    ]);
    expect(result.assessedLevel).toBe(4.14);
    expect(result.selfLevel).toBeNull();
    expect(result.flag).toBeNull();
  });

  it('shows peers as one aggregate once the threshold is reached', () => {
    const { groups } = groupRatings(r('peer', 1, 2, 4), DEFAULT_RULES);
    expect(groups).toEqual([{ source: 'peer', level: 7 / 3, raters: 3, weight: 20 }]);
  });

  it('has nothing to report when no weighted source rated', () => {
    expect(consolidateCompetency(r('peer', 3))).toBeNull();
    expect(consolidateCompetency(r('test', 3), { ...DEFAULT_RULES, weights: { ...DEFAULT_RULES.weights, test: 0 } })).toBeNull();
  });

  it('flags only gaps of at least the threshold', () => {
    expect(gapFlag(4, 3.01, 1)).toBeNull();
    expect(gapFlag(4, 3, 1)).toBe('blind_spot');
    expect(gapFlag(2, 3, 1)).toBe('hidden_strength');
    expect(gapFlag(null, 3, 1)).toBeNull();
  });

  it('shows weights as shares of 100', () => {
    expect(weightShares({ self: 20, leader: 40, peer: 20, subordinate: 10, expert: 10, test: 0 })).toEqual({
      self: 20,
      leader: 40,
      peer: 20,
      subordinate: 10,
      expert: 10,
      test: 0,
    });
  });
});

describe('knowledge tests', () => {
  it('maps scores to levels by equal bands', () => {
    const cutoffs = defaultCutoffs(5);
    expect(cutoffs).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(scoreToLevel(0, cutoffs)).toBe(1);
    expect(scoreToLevel(0.19, cutoffs)).toBe(1);
    expect(scoreToLevel(0.2, cutoffs)).toBe(2);
    expect(scoreToLevel(7 / 10, cutoffs)).toBe(4);
    expect(scoreToLevel(4 / 5, cutoffs)).toBe(5);
    expect(scoreToLevel(1, cutoffs)).toBe(5);
  });

  it('uses configured cut-offs', () => {
    expect(validCutoffs([0.5, 0.7, 0.85, 0.95], 5)).toBe(true);
    expect(validCutoffs([0.5, 0.4, 0.85, 0.95], 5)).toBe(false);
    expect(scoreToLevel(0.9, [0.5, 0.7, 0.85, 0.95])).toBe(4);
  });

  it('scores answers and draws distinct questions', () => {
    const questions = [
      { id: 'a', correctOption: 1 },
      { id: 'b', correctOption: 0 },
      { id: 'c', correctOption: 2 },
      { id: 'd', correctOption: 3 },
    ];
    expect(scoreAnswers(questions, { a: 1, b: 0, c: 0 })).toEqual({ correct: 2, total: 4, score: 0.5 });
    const drawn = drawQuestions(questions, 3, () => 0.5);
    expect(new Set(drawn.map((q) => q.id)).size).toBe(3);
    expect(drawQuestions(questions, 10)).toHaveLength(4);
  });
});

describe('rater proposal', () => {
  const c = (id: string, roleCategory: Colleague['roleCategory'], agencyId = 'A'): Colleague => ({ id, agencyId, roleCategory, sortKey: id });
  const unit = [c('lead', 'leader'), c('mgr', 'manager'), c('p1', 'professional'), c('p2', 'professional'), c('p3', 'support'), c('p4', 'professional')];

  it('finds the direct leader by seniority, then up the agency tree', () => {
    expect(findDirectLeader(c('p1', 'professional'), unit, [])?.id).toBe('mgr');
    expect(findDirectLeader(c('mgr', 'manager'), unit, [])?.id).toBe('lead');
    expect(findDirectLeader(c('lead', 'leader'), unit, [[], [c('top', 'leader', 'P')]])?.id).toBe('top');
    expect(findDirectLeader(c('x', 'professional'), [c('x', 'professional')], [])).toBeNull();
  });

  it('proposes peers of the same seniority and subordinates below', () => {
    const proposal = proposeRaters(c('p1', 'professional'), unit, [], { peers: 2, subordinates: 5 });
    expect(proposal.leaderId).toBe('mgr');
    expect(proposal.peerIds).toHaveLength(2);
    expect(proposal.peerIds.every((id) => ['p2', 'p3', 'p4'].includes(id))).toBe(true);
    expect(proposal.subordinateIds).toEqual([]);
    const forLeader = proposeRaters(c('lead', 'leader'), unit, [], { peers: 3, subordinates: 10 });
    expect(forLeader.leaderId).toBeNull();
    expect(forLeader.peerIds).toEqual([]);
    expect(forLeader.subordinateIds.sort()).toEqual(['mgr', 'p1', 'p2', 'p3', 'p4']);
  });
});

describe('releasableGroups (anonymity across versions)', () => {
  const member = (key: string, level: number) => ({ key, ratings: [`c1:${level}`] });
  const peers = (assigned: number, ...members: Array<[string, number]>): AnonymousMembership => ({
    source: 'peer',
    assigned,
    members: members.map(([k, l]) => member(k, l)),
  });
  const subs = (assigned: number, ...members: Array<[string, number]>): AnonymousMembership => ({
    source: 'subordinate',
    assigned,
    members: members.map(([k, l]) => member(k, l)),
  });
  const options = (closed: boolean) => ({ threshold: 3, closed, fingerprint: (parts: string[]) => parts.join('|') });

  it('waits for the last assigned rater while the cycle is open, not once it is closed', () => {
    const three = peers(4, ['a', 1], ['b', 2], ['c', 3]);
    expect([...releasableGroups([three], options(false), []).show]).toEqual([]);
    expect([...releasableGroups([three], options(true), []).show]).toEqual(['peer']);
    expect([...releasableGroups([peers(3, ['a', 1], ['b', 2], ['c', 3])], options(false), []).show]).toEqual(['peer']);
  });

  it('shows a released group again only unchanged; a group overlapping it otherwise is hidden', () => {
    const first = releasableGroups([peers(4, ['a', 1], ['b', 2], ['c', 3], ['d', 5])], options(true), []);
    expect(first.released).toEqual([{ source: 'peer', members: ['a', 'b', 'c', 'd'], fingerprint: 'a:c1:1|b:c1:2|c:c1:3|d:c1:5' }]);
    const released = first.released;
    expect(releasableGroups([peers(4, ['a', 1], ['b', 2], ['c', 3], ['d', 5])], options(true), released).show.has('peer')).toBe(true);
    // d reopened: {a,b,c} would give d away.
    expect(releasableGroups([peers(4, ['a', 1], ['b', 2], ['c', 3])], options(true), released)).toMatchObject({ show: new Set(), hidden: ['peer'] });
    // d changed their rating.
    expect(releasableGroups([peers(4, ['a', 1], ['b', 2], ['c', 3], ['d', 4])], options(true), released).hidden).toEqual(['peer']);
    // A disjoint group (subordinates) is not affected.
    expect([...releasableGroups([subs(3, ['x', 1], ['y', 2], ['z', 3])], options(true), released).show]).toEqual(['subordinate']);
  });

  it('pools two short sources once both are final, and hides a split of a pooled group', () => {
    const pooled = releasableGroups([peers(2, ['a', 1], ['b', 2]), subs(1, ['x', 4])], options(false), []);
    expect([...pooled.show]).toEqual(['colleagues']);
    const split = releasableGroups([peers(3, ['a', 1], ['b', 2], ['c', 3]), subs(1, ['x', 4])], options(true), pooled.released);
    expect(split.hidden).toEqual(['peer']);
    expect(releasableGroups([peers(3, ['a', 1], ['b', 2]), subs(1, ['x', 4])], options(false), []).show.size).toBe(0);
  });

  it('leaves a hidden group out of the figures with its weight', () => {
    const ratings = [...r('self', 4), ...r('leader', 3), ...r('peer', 1, 2, 3)];
    const hidden = consolidateCompetency(ratings, DEFAULT_RULES, new Set())!;
    expect(hidden.groups.map((g) => g.source)).toEqual(['self', 'leader']);
    // (20·4 + 40·3) / 60 = 3.33; others = the leader alone.
    expect(hidden.assessedLevel).toBe(3.33);
    expect(hidden.othersLevel).toBe(3);
    expect(hidden.withheldRatings).toBe(3);
  });
});
