import { describe, expect, it } from 'vitest';
import { parseFramework, serializeFramework } from './index.js';
import { MOODLE_HEADERS } from './moodle-csv.js';
import { hasCompletionRule } from './moodle-csv-extras.js';
import { sampleFramework } from '../testing/sample-framework.js';
import { nationalFramework } from '../seed/national-framework.js';
import { moodleExport } from '../testing/moodle-export.js';

describe('Moodle CSV: warnings only for what is really lost', () => {
  it('an empty, 0 or null rule is no rule', () => {
    expect(hasCompletionRule('', '0', 'null')).toBe(false);
    expect(hasCompletionRule('', '', '')).toBe(false);
    expect(hasCompletionRule('null', '0', '0')).toBe(false);
    expect(hasCompletionRule('core_competency\\competency_rule_all', '2', 'null')).toBe(true);
    expect(hasCompletionRule('', '3', '')).toBe(true);
  });

  it("Moodle's own export without rules imports with no warning", async () => {
    const result = await parseFramework('moodle-csv', moodleExport());
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.warnings).toEqual([]);
  });

  it('a real rule is named with its row', async () => {
    const result = await parseFramework('moodle-csv', moodleExport({ type: 'core_competency\\competency_rule_all', outcome: '2', config: 'null' }));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings![0]!.location).toMatch(/row 4$/);
    expect(result.warnings![0]!.message.en).toMatch(/analytical-thinking/);
  });

  it("the app's own export re-imports with no warning", async () => {
    for (const doc of [sampleFramework(), nationalFramework()]) {
      const file = await serializeFramework('moodle-csv', doc);
      const result = await parseFramework('moodle-csv', file.body);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      expect(result.warnings).toEqual([]);
      expect(result.document.moodle).toBeUndefined();
    }
  });

  it('Moodle → NangLuc → Moodle keeps the export ids, the taxonomy per depth and the scale configuration', async () => {
    const first = await parseFramework('moodle-csv', moodleExport());
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    expect(first.document.moodle).toEqual({
      taxonomies: ['domain', 'skill', 'behaviour'],
      scaleId: '2',
      scaleDefault: 2,
      proficient: [3],
      exportIds: { delivery: '101', 'analytical-thinking': '102', 'DR-AT1': '103', interpersonal: '104', 'client-focus': '105' },
    });
    const exported = (await serializeFramework('moodle-csv', first.document)).body;
    const again = await parseFramework('moodle-csv', exported);
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    expect(again.warnings).toEqual([]);
    expect(again.document).toEqual(first.document);
    const lines = exported
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe(MOODLE_HEADERS.join(','));
    expect(lines[1]).toContain('"domain,skill,behaviour"');
    const config = JSON.parse(lines[1]!.match(/"(\[\{""scaleid"".*?\}\])"/)![1]!.replace(/""/g, '"')) as Array<Record<string, unknown>>;
    expect(config[0]).toEqual({ scaleid: '2' });
    expect(config.slice(1).map((c) => [c.id, c.scaledefault, c.proficient])).toEqual([
      [1, 0, 0],
      [2, 1, 0],
      [3, 0, 1],
    ]);
    expect(lines.find((l) => l.includes(',client-focus,'))).toMatch(/,105,,$/);
  });
});
