import type { FrameworkDocument, Indicator, LocalizedText, MoodleExtras } from '../document.js';
import { escapeHtml, toMultilang } from './html-text.js';
import { csvField } from '../../../platform/export/spreadsheet-safe.js';

/**
 * Moodle's competency framework CSV (admin tool tool_lpimportcsv). Column
 * order and header spelling follow framework_importer::list_required_headers()
 * and its English language strings. Moodle maps columns by position, so we do
 * too, after checking the header looks like Moodle's (older files spell it
 * "Parent id number", "Shortname"...).
 *
 * What Moodle has no column for travels inside its own conventions: the second
 * language in multilang spans, level names and descriptions as extra keys of
 * the scale configuration JSON, group kind and level indicators as marked-up
 * blocks of the description (readable on a Moodle site too).
 */
export const MOODLE_HEADERS = [
  'Parent ID number',
  'ID number',
  'Short name',
  'Description',
  'Description format',
  'Scale values',
  'Scale configuration',
  'Rule type (optional)',
  'Rule outcome (optional)',
  'Rule config (optional)',
  'Cross-referenced competency ID numbers',
  'Exported ID (optional)',
  'Is framework',
  'Taxonomy',
] as const;

const FORMAT_HTML = '1';

export const headerKey = (h: string) =>
  h
    .toLowerCase()
    .replace(/\(optional\)/g, '')
    .replace(/[^a-z]/g, '');

/** Moodle joins scale items with commas; a comma inside a name is written %2C as Moodle does for ID numbers. */
const encodeItem = (value: string) => value.replace(/%/g, '%25').replace(/,/g, '%2C');
export const decodeItem = (value: string) => value.replace(/%2C/gi, ',').replace(/%25/g, '%');

/**
 * What our export writes when the document carries no Moodle settings of its own:
 * "domain" then "competency" per depth, level 1 as the default, the upper half of
 * the scale proficient (Moodle needs one), and export ids numbered in file order.
 * The reader keeps only what differs from these, so a NangLuc framework has no extras.
 */
export function moodleDefaults(doc: FrameworkDocument): Required<Omit<MoodleExtras, 'scaleId'>> & { scaleId: null } {
  const depthOf = competencyDepths(doc);
  const maxDepth = Math.max(1, ...[...depthOf.values()].map((d) => d + 1));
  const levelCount = doc.levels.length;
  const exportIds: Record<string, string> = {};
  let exportId = 0;
  for (const group of doc.groups) {
    exportIds[group.code] = String(++exportId);
    for (const competency of doc.competencies.filter((c) => c.groupCode === group.code)) exportIds[competency.code] = String(++exportId);
  }
  return {
    taxonomies: ['domain', ...Array.from({ length: maxDepth - 1 }, () => 'competency')],
    scaleId: null,
    scaleDefault: 1,
    proficient: doc.levels.filter((l) => l.level >= Math.ceil((levelCount + 1) / 2)).map((l) => l.level),
    exportIds,
  };
}

export function serializeMoodleCsv(doc: FrameworkDocument): string {
  const rows: string[][] = [[...MOODLE_HEADERS]];
  const defaults = moodleDefaults(doc);
  const extras = doc.moodle ?? {};
  const proficient = new Set(extras.proficient ?? defaults.proficient);
  const scaleDefault = extras.scaleDefault ?? defaults.scaleDefault;
  const exportIdOf = (code: string) => (extras.exportIds ? (extras.exportIds[code] ?? '') : (defaults.exportIds[code] ?? ''));
  const scaleConfig = [
    { scaleid: extras.scaleId ?? null },
    ...doc.levels.map((l) => ({
      id: l.level,
      scaledefault: l.level === scaleDefault ? 1 : 0,
      proficient: proficient.has(l.level) ? 1 : 0,
      name: l.name,
      description: l.description,
    })),
  ];
  rows.push([
    '',
    doc.code,
    toMultilang(doc.name),
    descriptionBlock(doc.description) + (doc.attribution ? `<p class="nangluc-attribution">${escapeHtml(doc.attribution)}</p>` : ''),
    FORMAT_HTML,
    doc.levels.map((l) => encodeItem(l.name.vi || l.name.en)).join(','),
    JSON.stringify(scaleConfig),
    '',
    '',
    '',
    '',
    '',
    '1',
    (extras.taxonomies ?? defaults.taxonomies).join(','),
  ]);
  for (const group of doc.groups) {
    const desc = descriptionBlock(group.description) + `<p class="nangluc-kind">${group.kind}</p>`;
    rows.push(['', group.code, toMultilang(group.name), desc, FORMAT_HTML, '', '', '', '0', 'null', '', exportIdOf(group.code), '', '']);
    for (const competency of doc.competencies.filter((c) => c.groupCode === group.code)) {
      rows.push([
        competency.parentCode ?? group.code,
        competency.code,
        toMultilang(competency.name),
        descriptionBlock(competency.description) + indicatorBlock(competency.indicators),
        FORMAT_HTML,
        '',
        '',
        '',
        '0',
        'null',
        '',
        exportIdOf(competency.code),
        '',
        '',
      ]);
    }
  }
  // Short name and description are HTML for Moodle: a leading formula character there is written as a
  // character reference (=1 → &#61;1), which Moodle and our reader show as the same text and no spreadsheet
  // runs. Every other cell goes through the platform's neutraliser (a reversible leading apostrophe the
  // reader removes), so no cell of the file starts a formula and the round trip is unchanged.
  return rows.map((r) => r.map((cell, i) => csvField(i === 2 || i === 3 ? htmlLeadSafe(cell) : cell)).join(',')).join('\r\n') + '\r\n';
}

function competencyDepths(doc: FrameworkDocument): Map<string, number> {
  const byCode = new Map(doc.competencies.map((c) => [c.code, c]));
  const depth = new Map<string, number>();
  const depthOf = (code: string, guard = 0): number => {
    const known = depth.get(code);
    if (known !== undefined) return known;
    const c = byCode.get(code);
    const d = !c || c.parentCode === null || guard > 50 ? 1 : depthOf(c.parentCode, guard + 1) + 1;
    depth.set(code, d);
    return d;
  };
  for (const c of doc.competencies) depthOf(c.code);
  return depth;
}

function descriptionBlock(description: LocalizedText): string {
  return description.vi || description.en ? `<p class="nangluc-description">${toMultilang(description)}</p>` : '';
}

function indicatorBlock(indicators: Indicator[]): string {
  if (indicators.length === 0) return '';
  const items = indicators.map((i) => `<dt>Mức ${i.level} / Level ${i.level}</dt><dd data-level="${i.level}">${toMultilang(i.text)}</dd>`);
  return `<dl class="nangluc-indicators">${items.join('')}</dl>`;
}

function htmlLeadSafe(html: string): string {
  return /^[=+\-@\t\r]/.test(html) ? `&#${html.charCodeAt(0)};${html.slice(1)}` : html;
}
