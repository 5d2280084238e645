import type { AdminTier, RoleCategory } from './positions.tables.js';

export interface Requirement {
  requiredLevel: number;
  criticality: number;
}

/**
 * Starting profile of the national framework per role x tier, by competency
 * group (and a few competencies that matter more than their group): leaders
 * need management and leadership higher, professionals the technical side,
 * commune staff serve citizens face to face. HR officers adjust from here.
 */
const ROLE_BASE: Record<RoleCategory, number> = { leader: 4, manager: 3, professional: 3, support: 2 };

const GROUP_ADJUST: Record<string, Partial<Record<RoleCategory, number>>> = {
  CN: { leader: -1 },
  QT: { leader: 1, manager: 1, support: -1 },
  DM: {},
  DD: { support: 1 },
  PV: { support: 1 },
  HC: { support: 1 },
};

export function templateRequirement(role: RoleCategory, tier: AdminTier, groupCode: string, competencyCode: string): Requirement {
  let level = ROLE_BASE[role] + (GROUP_ADJUST[groupCode]?.[role] ?? 0);
  if (tier === 'central' && (role === 'leader' || role === 'manager') && (groupCode === 'QT' || groupCode === 'DM')) level += 1;
  if ((tier === 'commune' || tier === 'district') && role !== 'support' && (groupCode === 'QT' || groupCode === 'DM')) level -= 1;
  if ((tier === 'commune' || tier === 'district') && groupCode === 'PV') level += 1;
  level = Math.min(5, Math.max(1, level));

  let criticality = 2;
  if (groupCode === 'DD' || competencyCode === 'HC.4') criticality = 3;
  else if (groupCode === 'QT' && (role === 'leader' || role === 'manager')) criticality = 3;
  else if (groupCode === 'PV' && (tier === 'commune' || tier === 'district')) criticality = 3;
  else if (groupCode === 'CN' && role === 'leader') criticality = 1;
  else if (competencyCode === 'CN.5' && role === 'support') criticality = 1;
  return { requiredLevel: level, criticality };
}
