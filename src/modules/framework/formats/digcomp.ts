import {
  GROUP_KINDS,
  cleanText,
  emptyText,
  type Competency,
  type CompetencyGroup,
  type FrameworkDocument,
  type GroupKind,
  type ImportIssue,
  type Indicator,
  type LocalizedText,
  type ParseResult,
  type ScaleLevel,
} from '../document.js';
import { issue, validateFramework } from '../document.validate.js';
import { DIGCOMP_FRAMEWORK, DIGCOMP_VI_BANDS, DIGCOMP_VI_NAMES } from './digcomp-vi.js';

/**
 * The JRC's DigComp 3.0 JSON-LD data supplement: CompetenceArea → group,
 * Competence → competency, ProficiencyLevel (eight_levels_mapping) → scale
 * level, CompetenceStatement → indicator. Statements are written per
 * four-level band (Basic, Intermediate...), each band spanning two of the
 * eight levels; a statement describes both levels of its band, so it becomes
 * an indicator of both. Learning outcomes and the glossary are not part of a
 * competency framework here and are left out (counted in the warnings).
 *
 * Exports use the same vocabulary plus a few extra keys (`name_vi`,
 * `proficiency_level_id`, a `Framework` node...) so any framework survives the
 * round trip.
 */

const CONTEXT = {
  CompetenceArea: 'CompetenceArea',
  Competence: 'Competence',
  ProficiencyLevel: 'ProficiencyLevel',
  CompetenceStatement: 'CompetenceStatement',
  LearningOutcome: 'LearningOutcome',
  Glossary: 'Glossary',
  Framework: 'Framework',
};

type Node = Record<string, unknown>;
const str = (v: unknown) => cleanText(typeof v === 'string' || typeof v === 'number' ? v : '');
const after = (id: unknown, prefix: string) => str(id).replace(new RegExp(`^${prefix}/`), '');

export function serializeDigComp(doc: FrameworkDocument): object {
  const graph: Node[] = [
    {
      '@type': 'Framework',
      '@id': `Framework/${doc.code}`,
      name: doc.name.en,
      name_vi: doc.name.vi,
      description: doc.description.en,
      description_vi: doc.description.vi,
      attribution: doc.attribution,
    },
  ];
  for (const group of doc.groups) {
    graph.push({
      '@type': 'CompetenceArea',
      '@id': `CompetenceArea/${group.code}`,
      name: group.name.en,
      name_vi: group.name.vi,
      description: group.description.en,
      description_vi: group.description.vi,
      kind: group.kind,
    });
  }
  for (const c of doc.competencies) {
    graph.push({
      '@type': 'Competence',
      '@id': `Competence/${c.code}`,
      name: c.name.en,
      name_vi: c.name.vi,
      description: c.description.en,
      description_vi: c.description.vi,
      competence_area_id: `CompetenceArea/${c.groupCode}`,
      ...(c.parentCode ? { parent_competence_id: `Competence/${c.parentCode}` } : {}),
    });
  }
  for (const level of doc.levels) {
    graph.push({
      '@type': 'ProficiencyLevel',
      '@id': `ProficiencyLevel/${level.level}`,
      eight_levels_mapping: level.level,
      name: level.name.en,
      name_vi: level.name.vi,
      eight_levels_description: level.description.en,
      description_vi: level.description.vi,
    });
  }
  for (const c of doc.competencies) {
    c.indicators.forEach((indicator, k) => {
      graph.push({
        '@type': 'CompetenceStatement',
        '@id': `CompetenceStatement/${c.code}/${k + 1}`,
        description: indicator.text.en,
        description_vi: indicator.text.vi,
        competence_area_id: `CompetenceArea/${c.groupCode}`,
        competence_id: `Competence/${c.code}`,
        proficiency_level_id: `ProficiencyLevel/${indicator.level}`,
      });
    });
  }
  return { '@context': CONTEXT, '@graph': graph };
}

export function parseDigComp(input: string | Buffer | object): ParseResult {
  let data: unknown = input;
  if (typeof input === 'string' || Buffer.isBuffer(input)) {
    try {
      data = JSON.parse((typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, ''));
    } catch (err) {
      return {
        ok: false,
        issues: [issue('(file)', `Tệp không phải JSON hợp lệ: ${(err as Error).message}`, `The file is not valid JSON: ${(err as Error).message}`)],
      };
    }
  }
  const graph = (data as { '@graph'?: unknown })?.['@graph'];
  if (!Array.isArray(graph)) {
    return { ok: false, issues: [issue('@graph', 'Không có mảng "@graph" của JSON-LD DigComp.', 'There is no DigComp JSON-LD "@graph" array.')] };
  }
  const issues: ImportIssue[] = [];
  const nodes = graph.map((n, i) => ({ node: (n && typeof n === 'object' ? n : {}) as Node, path: `@graph[${i}]` }));
  const ofType = (type: string) => nodes.filter((n) => n.node['@type'] === type);
  const frameworkNode = ofType('Framework')[0]?.node;
  // Our own exports carry both languages explicitly; the JRC file is English with our Vietnamese names.
  const ours = frameworkNode !== undefined;
  const texts = (node: Node, code: string | null, nameKey = 'name', descKey = 'description'): { name: LocalizedText; description: LocalizedText } => ({
    name: { vi: ours ? str(node['name_vi']) : str(code !== null ? DIGCOMP_VI_NAMES[code] : ''), en: str(node[nameKey]) },
    description: { vi: ours ? str(node['description_vi']) : '', en: str(node[descKey]) },
  });

  for (const { node, path } of nodes) {
    if (typeof node['@id'] !== 'string' || typeof node['@type'] !== 'string') {
      issues.push(issue(path, 'Nút thiếu "@id" hoặc "@type".', 'The node has no "@id" or "@type".'));
    }
  }

  const groups: CompetencyGroup[] = [];
  const groupPaths: string[] = [];
  for (const { node, path } of ofType('CompetenceArea')) {
    const code = after(node['@id'], 'CompetenceArea');
    const kind = str(node['kind']);
    groups.push({
      code,
      kind: (GROUP_KINDS as readonly string[]).includes(kind) ? (kind as GroupKind) : ours ? (kind as GroupKind) : 'core',
      ...texts(node, code),
    });
    groupPaths.push(path);
  }

  const levelNodes = ofType('ProficiencyLevel')
    .map(({ node, path }) => ({ node, path, level: Number(node['eight_levels_mapping']) }))
    .sort((a, b) => a.level - b.level);
  const bandLevels = new Map<string, number[]>();
  const levels: ScaleLevel[] = levelNodes.map(({ node, path, level }) => {
    if (!Number.isInteger(level)) issues.push(issue(`${path}.eight_levels_mapping`, 'Mức phải là số nguyên.', 'The level must be an integer.'));
    const band = str(node['four_levels_name']);
    if (band) bandLevels.set(`ProficiencyLevel/${band}`, [...(bandLevels.get(`ProficiencyLevel/${band}`) ?? []), level]);
    if (ours)
      return {
        level,
        name: { vi: str(node['name_vi']), en: str(node['name']) },
        description: { vi: str(node['description_vi']), en: str(node['eight_levels_description']) },
      };
    return {
      level,
      name: { vi: `${DIGCOMP_VI_BANDS[band] ?? band} ${level}`.trim(), en: `${band} ${level}`.trim() },
      description: { vi: '', en: str(node['eight_levels_description']) },
    };
  });

  const competencies: Competency[] = [];
  const competencyPaths: string[] = [];
  for (const { node, path } of ofType('Competence')) {
    const code = after(node['@id'], 'Competence');
    const parent = node['parent_competence_id'] ? after(node['parent_competence_id'], 'Competence') : null;
    competencies.push({ code, groupCode: after(node['competence_area_id'], 'CompetenceArea'), parentCode: parent, ...texts(node, code), indicators: [] });
    competencyPaths.push(path);
  }
  const byCode = new Map(competencies.map((c) => [c.code, c]));
  for (const { node, path } of ofType('CompetenceStatement')) {
    const target = byCode.get(after(node['competence_id'], 'Competence'));
    if (!target) {
      issues.push(
        issue(`${path}.competence_id`, `Năng lực "${str(node['competence_id'])}" không tồn tại.`, `Competence "${str(node['competence_id'])}" does not exist.`),
      );
      continue;
    }
    const text = { vi: ours ? str(node['description_vi']) : '', en: str(node['description']) };
    const explicit = node['proficiency_level_id'];
    const levelsOf: number[] = explicit ? [Number(after(explicit, 'ProficiencyLevel'))] : (bandLevels.get(str(node['four_levels_proficiency_name'])) ?? []);
    if (levelsOf.length === 0) {
      issues.push(
        issue(
          `${path}.four_levels_proficiency_name`,
          `Không xác định được mức "${str(node['four_levels_proficiency_name'])}".`,
          `Unknown proficiency level "${str(node['four_levels_proficiency_name'])}".`,
        ),
      );
    }
    for (const level of levelsOf) target.indicators.push({ level, text } satisfies Indicator);
  }
  if (issues.length > 0) return { ok: false, issues };

  const doc: FrameworkDocument = ours
    ? {
        code: after(frameworkNode['@id'], 'Framework'),
        name: { vi: str(frameworkNode['name_vi']), en: str(frameworkNode['name']) },
        description: { vi: str(frameworkNode['description_vi']), en: str(frameworkNode['description']) },
        attribution: str(frameworkNode['attribution']),
        levels,
        groups,
        competencies,
      }
    : { ...DIGCOMP_FRAMEWORK, levels, groups, competencies };
  const found = validateFramework(doc, {
    framework: () => (ours ? '@graph (Framework)' : '@graph'),
    level: (i) => levelNodes[i]?.path ?? '@graph',
    group: (i) => groupPaths[i] ?? '@graph',
    competency: (i) => competencyPaths[i] ?? '@graph',
    indicator: (c) => competencyPaths[c] ?? '@graph',
  });
  if (found.length > 0) return { ok: false, issues: found };
  const skipped = ofType('LearningOutcome').length + ofType('Glossary').length;
  const warnings = skipped
    ? [
        issue(
          '@graph',
          `${skipped} kết quả học tập (LearningOutcome) và mục thuật ngữ (Glossary) không thuộc khung năng lực, không được nhập.`,
          `${skipped} learning outcomes and glossary entries are not part of a competency framework and were not imported.`,
        ),
      ]
    : [];
  return { ok: true, document: { ...doc, description: doc.description.vi || doc.description.en ? doc.description : emptyText() }, warnings };
}
