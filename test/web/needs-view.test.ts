import { describe, expect, it } from 'vitest';
import {
  cycleAxisLabels,
  defaultCycle,
  drillTarget,
  filtersToSearch,
  formatCount,
  formatGap,
  formatLevel,
  formatShare,
  gapColour,
  gapScaleMax,
  GAP_COLOURS,
  needsLargestFirst,
  readFilters,
  textOn,
} from '../../web/src/modules/needs/needsView.js';
import type { PersonGap } from '../../web/src/modules/needs/needsApi.js';
import { needsMessages } from '../../web/src/modules/needs/needs.i18n.js';

const params = (query: string) => new URLSearchParams(query);

describe('needs dashboard filters in the address bar', () => {
  it('start a national administrator at the country and everyone else at their agency', () => {
    expect(readFilters(params(''), true)).toEqual({ cycle: null, level: 'country', id: null, columns: 'group', geography: 'current', tab: 'overview' });
    expect(readFilters(params(''), false).level).toBe('agency');
  });

  it('read every filter, and fall back to the defaults for unknown values', () => {
    expect(readFilters(params('cycle=c1&level=province&id=2025-P01&columns=competency&tab=groups'), true)).toEqual({
      cycle: 'c1',
      level: 'province',
      id: '2025-P01',
      columns: 'competency',
      geography: 'current',
      tab: 'groups',
    });
    expect(readFilters(params('level=planet&columns=x&geography=y&tab=z'), true)).toMatchObject({
      level: 'country',
      columns: 'group',
      geography: 'current',
      tab: 'overview',
    });
  });

  it('ignore an id at the country level', () => {
    expect(readFilters(params('level=country&id=abc'), true).id).toBeNull();
  });

  it('write the filters back, leaving defaults out, and round-trip', () => {
    const filters = readFilters(params('cycle=c1&level=country&geography=historical&columns=competency'), true);
    const written = filtersToSearch(filters);
    expect(written).toBe('?cycle=c1&level=country&columns=competency&geography=historical');
    expect(readFilters(params(written.slice(1)), true)).toEqual(filters);
    // Geography only means something at the country level.
    expect(filtersToSearch({ ...filters, level: 'agency', id: 'a1' })).toBe('?cycle=c1&level=agency&id=a1&columns=competency');
  });
});

describe('drill-down targets', () => {
  const filters = readFilters(params('cycle=c1&level=country&columns=competency&geography=historical&tab=overview'), true);

  it('open a province or an agency table with the same cycle and columns', () => {
    expect(drillTarget({ kind: 'province', id: '2025-P01' }, filters)).toBe('/needs?cycle=c1&level=province&id=2025-P01&columns=competency');
    expect(drillTarget({ kind: 'agency', id: 'a 1' }, filters)).toBe('/needs?cycle=c1&level=agency&id=a+1&columns=competency');
  });

  it('open the people list of an agency', () => {
    expect(drillTarget({ kind: 'people', id: 'a1' }, filters)).toBe('/needs/agencies/a1/people?cycle=c1');
  });

  it('lead nowhere from a row without a unit', () => {
    expect(drillTarget(null, filters)).toBeNull();
  });
});

describe('default cycle', () => {
  it('is the newest closed cycle, else the newest opened one', () => {
    expect(
      defaultCycle([
        { id: 'draft', status: 'draft' },
        { id: 'open', status: 'open' },
        { id: 'closed', status: 'closed' },
      ]),
    ).toBe('closed');
    expect(
      defaultCycle([
        { id: 'draft', status: 'draft' },
        { id: 'open', status: 'open' },
      ]),
    ).toBe('open');
    expect(defaultCycle([])).toBeNull();
  });
});

describe('trend axis', () => {
  it('labels cycles by year, adding the month when a year has several', () => {
    expect(cycleAxisLabels(['2024-03-01', '2025-03-01', '2025-09-15'])).toEqual(['2024', '03/2025', '09/2025']);
  });
});

describe('needs of one person', () => {
  const gap = (code: string, gapSize: number, weightedNeed: number): PersonGap => ({
    competencyId: code,
    requiredLevel: 3,
    assessedLevel: 3 - gapSize,
    gap: gapSize,
    weightedNeed,
    isNeed: gapSize > 0,
    competency: { id: code, code, name: { vi: code, en: code }, order: 0, groupCode: 'G', groupName: { vi: 'G', en: 'G' }, groupOrder: 0 },
  });

  it('lists only needs, largest weighted need first, then larger gap, then code', () => {
    const ranked = needsLargestFirst([gap('A', 1, 1), gap('B', -1, 0), gap('C', 1, 3), gap('E', 1.5, 3), gap('D', 1, 1), gap('F', 0, 0)]);
    expect(ranked.map((g) => g.competencyId)).toEqual(['E', 'C', 'A', 'D']);
  });
});

describe('gap colour scale', () => {
  it('never tops out below a quarter level, and rounds up to a twentieth', () => {
    expect(gapScaleMax([])).toBe(0.25);
    expect(gapScaleMax([0.08, 0.11])).toBe(0.25);
    expect(gapScaleMax([0.3, 1.02, Number.NaN])).toBe(1.05);
  });

  it('runs from the lightest to the darkest colour of the legend', () => {
    expect(gapColour(0, 1)).toBe(GAP_COLOURS[0]);
    expect(gapColour(1, 1)).toBe(GAP_COLOURS[GAP_COLOURS.length - 1]);
    expect(gapColour(5, 1)).toBe(GAP_COLOURS[GAP_COLOURS.length - 1]);
    expect(gapColour(0.25, 1)).toBe(GAP_COLOURS[1]);
  });

  it('puts dark text on light cells and white text on dark ones', () => {
    expect(textOn(GAP_COLOURS[0])).toBe('#000000');
    expect(textOn(GAP_COLOURS[4])).toBe('#ffffff');
  });
});

type Messages = { [key: string]: string | Messages };
function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') entries.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) entries.set(inner, text);
  }
  return entries;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('needs module texts', () => {
  const vi = flatten(needsMessages.vi);
  const en = flatten(needsMessages.en);

  it('exist in both languages with the same placeholders, none empty', () => {
    expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
    for (const [key, text] of vi) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('are NFC-normalised Vietnamese with its diacritics', () => {
    for (const [key, text] of [...vi, ...en]) expect(text, key).toBe(text.normalize('NFC'));
    const marked = [...vi.values()].filter((text) => /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i.test(text));
    expect(marked.length / vi.size).toBeGreaterThan(0.8);
  });
});

describe('needs figures in the shared formats (web/src/format)', () => {
  it('write shares in the one percent style, with a no-break space in Vietnamese', () => {
    expect(formatShare(0.255, 'vi-VN')).toBe('25,5\u00a0%');
    expect(formatShare(0.255, 'en-GB')).toBe('25.5%');
  });

  it('write gaps with two decimals, levels with up to two, counts with a thousands point', () => {
    expect(formatGap(0.5, 'vi-VN')).toBe('0,50');
    expect(formatLevel(3, 'vi-VN')).toBe('3');
    expect(formatLevel(2.667, 'vi-VN')).toBe('2,67');
    expect(formatCount(3011, 'vi-VN')).toBe('3.011');
    expect(formatCount(3011, 'en-GB')).toBe('3,011');
  });
});
