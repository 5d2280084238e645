import type { FrameworkDocument, ImportIssue, MoodleExtras } from '../document.js';
import { issue } from '../document.validate.js';
import { moodleDefaults } from './moodle-csv.js';

/**
 * What a Moodle row holds that NangLuc does not model, and what it only looks like
 * it holds: Moodle's own export writes "no rule" as an empty type, outcome 0 and
 * config "null", which loses nothing and gets no warning.
 */
const NO_VALUE = /^(|0|null|\{\}|\[\])$/i;

export function hasCompletionRule(type: string, outcome: string, config: string): boolean {
  return !NO_VALUE.test(type.trim()) || !NO_VALUE.test(outcome.trim()) || !NO_VALUE.test(config.trim());
}

/** The warnings of one competency row: each names the row, the code and what is not kept. */
export function rowLosses(at: string, code: string, cell: (column: number) => string): ImportIssue[] {
  const losses: ImportIssue[] = [];
  if (hasCompletionRule(cell(7), cell(8), cell(9)))
    losses.push(
      issue(
        at,
        `Quy tắc hoàn thành của Moodle (rule) cho "${code}" không được lưu: NangLuc xác định mức đạt qua đánh giá 360°.`,
        `Moodle's completion rule for "${code}" is not kept: NangLuc decides proficiency by 360° assessment.`,
      ),
    );
  if (cell(10))
    losses.push(
      issue(at, `Liên kết tham chiếu chéo của "${code}" (${cell(10)}) không được lưu.`, `The cross-references of "${code}" (${cell(10)}) are not kept.`),
    );
  // Moodle lets a competency override the framework's scale; NangLuc has one scale per framework.
  if (cell(5) || !NO_VALUE.test(cell(6).trim()))
    losses.push(
      issue(
        at,
        `Thang đo riêng của "${code}" không được lưu: năng lực dùng thang đo của khung.`,
        `The scale of its own set on "${code}" is not kept: the competency uses the framework's scale.`,
      ),
    );
  return losses;
}

/** The scale configuration's Moodle settings: entries name their level by "id" (1-based), as Moodle writes them. */
export interface ScaleSettings {
  scaleId: string | null;
  scaleDefault: number | null;
  proficient: number[];
}

export function scaleSettings(entries: unknown[]): ScaleSettings {
  const head = entries[0] as { scaleid?: unknown } | undefined;
  const scaleId = head && head.scaleid !== null && head.scaleid !== undefined && String(head.scaleid) !== '' ? String(head.scaleid) : null;
  let scaleDefault: number | null = null;
  const proficient: number[] = [];
  entries.slice(1).forEach((raw, i) => {
    const entry = (raw ?? {}) as { id?: unknown; scaledefault?: unknown; proficient?: unknown };
    const level = Number(entry.id ?? i + 1);
    if (!Number.isInteger(level)) return;
    if (Number(entry.scaledefault) === 1) scaleDefault = level;
    if (Number(entry.proficient) === 1) proficient.push(level);
  });
  return { scaleId, scaleDefault, proficient: proficient.sort((a, b) => a - b) };
}

/** Only what differs from our export's defaults, so NangLuc's own export reads back without extras. */
export function moodleExtras(
  doc: FrameworkDocument,
  found: { taxonomies: string[]; scale: ScaleSettings; exportIds: Record<string, string> },
): MoodleExtras | undefined {
  const defaults = moodleDefaults(doc);
  const extras: MoodleExtras = {};
  const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  if (found.taxonomies.length > 0 && !same(found.taxonomies, defaults.taxonomies)) extras.taxonomies = found.taxonomies;
  if (found.scale.scaleId !== null) extras.scaleId = found.scale.scaleId;
  if (found.scale.scaleDefault !== null && found.scale.scaleDefault !== defaults.scaleDefault) extras.scaleDefault = found.scale.scaleDefault;
  if (found.scale.proficient.length > 0 && !same(found.scale.proficient, defaults.proficient)) extras.proficient = found.scale.proficient;
  const codes = Object.keys(defaults.exportIds);
  if (codes.some((code) => (found.exportIds[code] ?? '') !== defaults.exportIds[code]))
    extras.exportIds = Object.fromEntries(codes.filter((code) => found.exportIds[code]).map((code) => [code, found.exportIds[code]!]));
  return Object.keys(extras).length > 0 ? extras : undefined;
}
