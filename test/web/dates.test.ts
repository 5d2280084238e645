import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayIso } from '../../web/src/ui/dates.js';

// The browser's "today" is the user's own day (issue 12): 01:30 in Hà Nội is
// already the next day there, while toISOString() still says yesterday.
const zone = process.env.TZ;
afterEach(() => {
  vi.useRealTimers();
  process.env.TZ = zone;
});

describe('todayIso', () => {
  it('is the local date, not the UTC one, and adds whole days across months', () => {
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T18:30:00Z'));
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-01-01');
    expect(todayIso()).toBe('2026-01-02');
    expect(todayIso(30)).toBe('2026-02-01');
    expect(todayIso(-2)).toBe('2025-12-31');
  });

  it('follows a zone west of UTC too', () => {
    process.env.TZ = 'America/New_York';
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T03:00:00Z'));
    expect(todayIso()).toBe('2026-02-28');
  });
});
