import { describe, expect, it } from 'vitest';
import { addMonths, applicationWindow, canMove, laterDate, publishProblems, retentionDate } from './campaign-rules.js';

const open = new Date('2026-03-01T00:00:00Z');
const close = new Date('2026-03-31T10:00:00Z');

describe('the application window', () => {
  const campaign = { status: 'published' as const, applicationsOpenAt: open, applicationsCloseAt: close };
  it('is open from the opening instant up to, not including, the closing one', () => {
    expect(applicationWindow(campaign, new Date('2026-02-28T23:59:59Z'))).toBe('not_yet_open');
    expect(applicationWindow(campaign, open)).toBe('open');
    expect(applicationWindow(campaign, new Date('2026-03-31T09:59:59Z'))).toBe('open');
    expect(applicationWindow(campaign, close)).toBe('closed');
  });
  it('is shut for a draft and for a closed, completed or cancelled campaign whatever the dates', () => {
    const inside = new Date('2026-03-15T00:00:00Z');
    expect(applicationWindow({ ...campaign, status: 'draft' }, inside)).toBe('not_published');
    for (const status of ['closed', 'completed', 'cancelled'] as const) expect(applicationWindow({ ...campaign, status }, inside)).toBe('closed');
  });
});

describe('the retention date (Decree 13/2023/NĐ-CP)', () => {
  it('counts from the close date while the campaign runs, from its end once it ends', () => {
    expect(retentionDate({ retentionMonths: 12, applicationsCloseAt: close, completedAt: null }, open)).toBe('2027-03-31');
    expect(retentionDate({ retentionMonths: 6, applicationsCloseAt: close, completedAt: new Date('2026-07-10T00:00:00Z') }, open)).toBe('2027-01-10');
  });
  it('clamps to the end of a shorter month', () => {
    expect(addMonths(new Date('2026-01-31T00:00:00Z'), 1)).toBe('2026-02-28');
    expect(addMonths(new Date('2027-08-31T00:00:00Z'), 6)).toBe('2028-02-29');
  });
  it('keeps the later of two campaigns’ dates', () => {
    expect(laterDate(null, '2027-01-01')).toBe('2027-01-01');
    expect(laterDate('2027-06-01', '2027-01-01')).toBe('2027-06-01');
    expect(laterDate('2026-06-01', '2027-01-01')).toBe('2027-01-01');
  });
});

describe('the life cycle and publishing', () => {
  it('goes draft → published → closed → completed, and may be cancelled before it completes', () => {
    expect(canMove('draft', 'published')).toBe(true);
    expect(canMove('draft', 'closed')).toBe(false);
    expect(canMove('published', 'closed')).toBe(true);
    expect(canMove('closed', 'completed')).toBe(true);
    expect(canMove('closed', 'cancelled')).toBe(true);
    expect(canMove('completed', 'cancelled')).toBe(false);
    expect(canMove('cancelled', 'published')).toBe(false);
  });
  it('names every gap of an incomplete notice', () => {
    const now = new Date('2026-03-10T00:00:00Z');
    expect(publishProblems({ posts: 0, applicationsOpenAt: null, applicationsCloseAt: null, stages: [], notice: ' ' }, now)).toEqual([
      'no_posts',
      'no_window',
      'no_stages',
      'no_notice',
    ]);
    expect(
      publishProblems(
        {
          posts: 1,
          applicationsOpenAt: open,
          applicationsCloseAt: new Date('2026-03-09T00:00:00Z'),
          stages: [{ kind: 'interview', weight: 0.5 }],
          notice: 'x',
        },
        now,
      ),
    ).toEqual(['window_in_past', 'weights_not_one']);
    expect(
      publishProblems(
        {
          posts: 2,
          applicationsOpenAt: open,
          applicationsCloseAt: close,
          stages: [
            { kind: 'screening', weight: 0 },
            { kind: 'knowledge_test', weight: 0.4 },
            { kind: 'interview', weight: 0.6 },
          ],
          notice: 'x',
        },
        now,
      ),
    ).toEqual([]);
  });
});
