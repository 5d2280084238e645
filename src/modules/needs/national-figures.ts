import type { CompetencyInfo } from './competency-catalogue.js';
import type { Language } from '../../platform/i18n/language.js';
import { toFigures, type NeedFigures } from './needs.figures.js';
import type { SummaryMeasures } from './needs.repository.js';

export interface GroupTopGaps {
  groupCode: string;
  groupName: string;
  groupOrder: number;
  competencies: Array<{ code: string; name: string; figures: NeedFigures }>;
}

/**
 * The national report's "top gaps by competency group": per group, in the
 * framework's order, its `perGroup` competencies with the largest share of
 * results below the requirement (ties: the larger mean gap), named in
 * `language` (Vietnamese where no English name was given). Without I/O.
 */
export function topGapsByGroup(
  rows: ReadonlyArray<SummaryMeasures & { competencyId: string }>,
  catalogue: ReadonlyMap<string, CompetencyInfo>,
  perGroup = 3,
  language: Language = 'vi',
): GroupTopGaps[] {
  const groups = new Map<string, GroupTopGaps>();
  for (const row of rows) {
    const info = catalogue.get(row.competencyId);
    if (!info || row.people === 0) continue;
    const group = groups.get(info.groupCode) ?? {
      groupCode: info.groupCode,
      groupName: info.groupName[language] || info.groupName.vi,
      groupOrder: info.groupOrder,
      competencies: [],
    };
    group.competencies.push({ code: info.code, name: info.name[language] || info.name.vi, figures: toFigures(row) });
    groups.set(info.groupCode, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.groupOrder - b.groupOrder)
    .map((g) => ({
      ...g,
      competencies: g.competencies
        .filter((c) => c.figures.needs > 0)
        .sort((a, b) => b.figures.needShare - a.figures.needShare || b.figures.meanGap - a.figures.meanGap || (a.code < b.code ? -1 : 1))
        .slice(0, perGroup),
    }));
}
