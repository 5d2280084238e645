import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFramework } from './index.js';
import { MOODLE_HEADERS } from './moodle-csv.js';

const SHARED = new URL('../../../../../shared/data/frameworks/', import.meta.url);
const read = (path: string) => fs.readFileSync(new URL(path, SHARED));

describe('the published source files import', () => {
  it('DigComp 3.0: 5 areas, 21 competences, 8 levels, statements on both levels of their band', async () => {
    const result = await parseFramework('digcomp', read('digcomp/DigComp_3.0_Data_Supplement_2025-11-24.jsonld'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
    const doc = result.document;
    expect(doc.code).toBe('DIGCOMP-3.0');
    expect(doc.attribution).toMatch(/JRC.*CC BY 4\.0/);
    expect(doc.groups).toHaveLength(5);
    expect(doc.competencies).toHaveLength(21);
    expect(doc.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(doc.levels[0]!.name).toEqual({ vi: 'Cơ bản 1', en: 'Basic 1' });
    const browsing = doc.competencies.find((c) => c.code === '1.1')!;
    expect(browsing.name).toEqual({ vi: 'Duyệt, tìm kiếm và lọc thông tin', en: 'Browsing, searching and filtering information' });
    expect(browsing.groupCode).toBe('1');
    // 1.1 has 4 Basic statements: each describes level 1 and level 2.
    expect(browsing.indicators.filter((i) => i.level === 1)).toHaveLength(4);
    expect(browsing.indicators.filter((i) => i.level === 2)).toHaveLength(4);
    expect(doc.competencies.every((c) => new Set(c.indicators.map((i) => i.level)).size === 8)).toBe(true);
    expect(result.warnings?.[0]?.message.en).toMatch(/649 learning outcomes and glossary/);
  });

  it('the OpenSALT CASE sample: tolerated deviations become warnings, the tree becomes groups and nested competencies', async () => {
    const result = await parseFramework('case', read('case/opensalt_sample_CFPackage_CCSS_math_excerpt.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
    const doc = result.document;
    expect(doc.name.en).toBe('What Standards Could Be');
    expect(doc.groups.map((g) => g.code)).toEqual(['CCSS.Math.Content.6.RP.A', 'CCSS.Math.Content.7.RP.A']);
    expect(doc.competencies).toHaveLength(14);
    const component = doc.competencies.find((c) => c.code === 'CCSS.Math.Content.6.RP.A.3a')!;
    expect(component.parentCode).toBe('CCSS.Math.Content.6.RP.A.3');
    expect(component.groupCode).toBe('CCSS.Math.Content.6.RP.A');
    expect(doc.competencies.slice(0, 5).map((c) => c.code)).toEqual([
      'CCSS.Math.Content.6.RP.A.1',
      'CCSS.Math.Content.6.RP.A.2',
      'CCSS.Math.Content.6.RP.A.3',
      'CCSS.Math.Content.6.RP.A.3a',
      'CCSS.Math.Content.6.RP.A.3b',
    ]);
    expect(doc.levels).toHaveLength(5);
    expect(result.warnings!.length).toBeGreaterThan(0);
    expect(result.warnings!.some((w) => w.location === 'CFItems[0]' && /CFDocumentURI/.test(w.message.en))).toBe(true);
  });

  it('a Moodle export with completion rules and cross-references imports, and names what it does not keep', async () => {
    const rows = [
      [...MOODLE_HEADERS],
      ['', 'FW', 'Khung thử', '', '1', '"Chưa đạt,Đạt"', '', '', '', '', '', '1', '1', 'domain,competency'],
      ['', 'G1', 'Nhóm 1', '', '1', '', '', '', '', '', '', '2', '', ''],
      ['G1', 'C1', 'Năng lực 1', '', '1', '', '', 'core_competency\\competency_rule_all', '2', '', 'C2', '3', '', ''],
      ['G1', 'C2', 'Năng lực 2', '', '1', '', '', '', '0', '', '', '4', '', ''],
    ];
    const result = await parseFramework('moodle-csv', Buffer.from(rows.map((r) => r.join(',')).join('\n')));
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
    expect(result.document.competencies.map((c) => c.code)).toEqual(['C1', 'C2']);
    expect(result.warnings!.map((w) => w.message.en)).toEqual([
      'Moodle\'s completion rule for "C1" is not kept: NangLuc decides proficiency by 360° assessment.',
      'The cross-references of "C1" (C2) are not kept.',
    ]);
    expect(result.warnings!.every((w) => /row 4$/.test(w.location))).toBe(true);
  });
});
