import { describe, expect, it } from 'vitest';
import { validateFramework } from './document.validate.js';
import { sampleFramework } from './testing/sample-framework.js';

const en = (issues: ReturnType<typeof validateFramework>) => issues.map((i) => `${i.location}: ${i.message.en}`);

describe('validateFramework reports every independent error once, root causes first', () => {
  it('a repeated code is one issue, not one per child missing its parent', () => {
    const doc = sampleFramework();
    const parent = doc.competencies[0]!;
    doc.competencies.push({ ...parent, indicators: [] });
    for (let i = 0; i < 5; i++)
      doc.competencies.push({
        code: `G1.1.${i}`,
        groupCode: 'G1',
        parentCode: 'G1.1',
        name: { vi: `Con ${i}`, en: '' },
        description: { vi: '', en: '' },
        indicators: [],
      });
    expect(en(validateFramework(doc))).toEqual([`competencies[4]: Code "G1.1" is used more than once.`]);
  });

  it('an unknown group and an indicator at level 7 come out together, in the order of their causes', () => {
    const doc = sampleFramework();
    doc.competencies[3]!.indicators.push({ level: 7, text: { vi: 'Mức bảy', en: '' } });
    doc.competencies[2]!.groupCode = 'G9';
    doc.competencies[1]!.parentCode = 'G1.1';
    doc.groups[0]!.code = 'G 1';
    const issues = en(validateFramework(doc));
    expect(issues[0]).toMatch(/^groups\[0\]: Code "G 1" is not valid/);
    expect(issues).toEqual(
      expect.arrayContaining([
        'competencies[2]: Group "G9" does not exist.',
        'competencies[3].indicators[1]: Indicator is for level 7 but the scale has 6 levels.',
      ]),
    );
    // The group code is the problem: no "same group as its parent" line for the child of G1.1.
    expect(issues.some((i) => /same group/.test(i))).toBe(false);
    expect(issues.indexOf('competencies[3].indicators[1]: Indicator is for level 7 but the scale has 6 levels.')).toBe(issues.length - 1);
  });
});
