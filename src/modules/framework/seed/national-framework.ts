import { cleanText, defaultLevels, type FrameworkDocument, type Indicator } from '../document.js';
import { GROUPS_A } from './content-digital-a.js';
import { GROUPS_B } from './content-digital-b.js';
import { GROUP_TRADITIONAL } from './content-traditional.js';
import type { Pair } from './seed-types.js';

export const NATIONAL_FRAMEWORK_CODE = 'KNL-CPS';

const pair = ([vi, en]: Pair) => ({ vi: cleanText(vi), en: cleanText(en) });

/**
 * The national competency framework for digital government: the five digital
 * groups of MISSION.md and the traditional public-administration group, on the
 * default five-level scale. Written by the NangLuc project as a starting point
 * the Ministry of Home Affairs can publish, amend and version.
 */
export function nationalFramework(): FrameworkDocument {
  const groups = [...GROUPS_A, ...GROUPS_B, GROUP_TRADITIONAL];
  return {
    code: NATIONAL_FRAMEWORK_CODE,
    name: pair(['Khung năng lực cán bộ, công chức trong chính phủ số', 'Competency framework for public servants in digital government']),
    description: pair([
      'Khung năng lực chuẩn quốc gia: năm nhóm năng lực chính phủ số và nhóm năng lực hành chính công truyền thống, mỗi năng lực mô tả bằng chỉ báo hành vi ở năm mức thành thạo.',
      'The national standard framework: five digital-government competency groups and the traditional public-administration group, each competency described by behavioural indicators at five proficiency levels.',
    ]),
    attribution: 'Bộ Nội vụ — nội dung khởi tạo của dự án NangLuc / Ministry of Home Affairs — initial content by the NangLuc project',
    levels: defaultLevels(5),
    groups: groups.map((g) => ({ code: g.code, kind: g.kind, name: pair(g.name), description: pair(g.description) })),
    competencies: groups.flatMap((g) =>
      g.competencies.map((c) => ({
        code: c.code,
        groupCode: g.code,
        parentCode: null,
        name: pair(c.name),
        description: pair(c.description),
        indicators: c.indicators.flatMap((entry, i): Indicator[] => {
          const list = (typeof entry[0] === 'string' ? [entry] : entry) as Pair[];
          return list.map((p) => ({ level: i + 1, text: pair(p) }));
        }),
      })),
    ),
  };
}
