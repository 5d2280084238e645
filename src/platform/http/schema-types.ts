import { z } from 'zod';

/**
 * Request field types shared by every module, so a rule about what a date is
 * holds on every route that takes one (defect 5 of issue 12: each module had
 * its own date regex, and one of them threw "Invalid time value" on ' ' or 'x'
 * instead of answering 400). Ids are zod's `z.uuid()` everywhere already.
 */

/**
 * An ISO calendar date (yyyy-mm-dd) that exists: zod's own ISO date check knows
 * month lengths and leap years (2025-02-30 and 2023-02-29 are refused) without
 * building a Date, which throws on impossible input. Years before 1000 are
 * refused too: PostgreSQL has no year 0, and no record of ours is that old.
 */
export const isoDate = z.iso.date().refine((s) => !s.startsWith('0'), 'invalid date');
