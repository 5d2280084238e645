import {
  cleanLocalized,
  cleanText,
  defaultLevels,
  emptyText,
  GROUP_KINDS,
  type CaseCriterion,
  type CaseRubric,
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
import { withCaseIdentity } from '../case-identity.js';
import { CASE_EXTENSION as EXT } from './case.js';
import { checkCasePackage } from './case-schema.js';
import { readAssociations, readNodeIdentity, storableIdentityIssues } from './case-parse-identity.js';
import { keptRubricNames } from './case-rubric-identity.js';
import type { ImportChoices, ImportDecision, ImportQuestions } from '../import-choices.js';

/**
 * Reading CASE 1.1 packages (see case.ts for the mapping): our own extensions
 * when present, the standard fields otherwise; the isChildOf tree becomes
 * groups (first level) and competencies (below, nested as sub-competencies).
 */
type Json = Record<string, unknown>;
const asObject = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const ours = (node: Json): Json | null => {
  const ext = node['extensions'];
  const found = Array.isArray(ext) ? ext.map(asObject).find((e) => e[EXT]) : asObject(ext);
  return found && found[EXT] ? asObject(found[EXT]) : null;
};
const localized = (v: unknown): LocalizedText | null => {
  const o = asObject(v);
  return typeof o['vi'] === 'string' || typeof o['en'] === 'string' ? cleanLocalized(o) : null;
};
const both = (value: unknown): LocalizedText => ({ vi: cleanText(value), en: cleanText(value) });

export function parseCase(input: string | Buffer | object, choices: ImportChoices = {}): ParseResult {
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
  const check = checkCasePackage(data);
  if (check.errors.length > 0) return { ok: false, issues: check.errors };
  const pkg = asObject(data);
  const cfDoc = asObject(pkg['CFDocument']);
  const docExt = ours(cfDoc);
  const items = asArray(pkg['CFItems']).map(asObject);
  if (items.length === 0) {
    return {
      ok: false,
      issues: [
        issue(
          'CFItems',
          'Gói CASE không có mục nào (CFItems trống): không có năng lực nào để nhập.',
          'The CASE package has no items (CFItems is empty): there is no competency to import.',
        ),
      ],
    };
  }
  const issues: ImportIssue[] = storableIdentityIssues(pkg);
  if (issues.length > 0) return { ok: false, issues };
  const warnings = [...check.warnings];

  const itemIndex = new Map<string, number>();
  items.forEach((item, i) => {
    const key = String(item['identifier']);
    if (itemIndex.has(key)) issues.push(issue(`CFItems[${i}].identifier`, `Định danh "${key}" bị trùng.`, `Identifier "${key}" is used twice.`));
    itemIndex.set(key, i);
  });
  const uriIndex = new Map(items.map((item, i) => [String(item['uri']), i]));
  const docKeys = new Set([String(cfDoc['identifier']), String(cfDoc['uri'])]);

  // Parent of each item from isChildOf, ordered by sequenceNumber then file order.
  const parentOf = new Map<number, { parent: number | 'doc'; sequence: number; order: number }>();
  const outsideParent = new Map<number, number>();
  asArray(pkg['CFAssociations'])
    .map(asObject)
    .forEach((a, order) => {
      if (a['associationType'] !== 'isChildOf') return;
      const origin = asObject(a['originNodeURI']);
      const dest = asObject(a['destinationNodeURI']);
      const child = itemIndex.get(String(origin['identifier'])) ?? uriIndex.get(String(origin['uri']));
      if (child === undefined) return;
      const destItem = itemIndex.get(String(dest['identifier'])) ?? uriIndex.get(String(dest['uri']));
      const parent = destItem ?? (docKeys.has(String(dest['identifier'])) || docKeys.has(String(dest['uri'])) ? 'doc' : undefined);
      if (parent === undefined) {
        // A parent in another package (a national framework's item) is kept as an association; the item needs one here too.
        if (!outsideParent.has(child)) outsideParent.set(child, order);
        return;
      }
      const sequence = Number(a['sequenceNumber'] ?? Number.MAX_SAFE_INTEGER);
      // NangLuc's tree has one parent per node: the first isChildOf is the edge, a second one is said, not kept.
      if (parentOf.has(child)) {
        warnings.push(
          issue(
            `CFAssociations[${order}]`,
            'Mục đã có mục cha; quan hệ isChildOf thứ hai này không được giữ (mỗi năng lực thuộc một nhánh).',
            'The item already has a parent; this second isChildOf is not kept (each competency sits on one branch).',
          ),
        );
        return;
      }
      parentOf.set(child, { parent, sequence: Number.isFinite(sequence) ? sequence : Number.MAX_SAFE_INTEGER, order });
    });
  for (const [child, order] of outsideParent) {
    if (parentOf.has(child)) continue;
    issues.push(
      issue(
        `CFAssociations[${order}].destinationNodeURI`,
        'Quan hệ isChildOf trỏ tới mục không có trong gói.',
        'An isChildOf association points to an item that is not in the package.',
      ),
    );
  }
  if (issues.length > 0) return { ok: false, issues };

  const childrenOf = (parent: number | 'doc') =>
    [...parentOf.entries()]
      .filter(([, p]) => p.parent === parent)
      .sort(([, a], [, b]) => a.sequence - b.sequence || a.order - b.order)
      .map(([child]) => child);
  const code = (i: number) => cleanText(ours(items[i]!)?.['code'] ?? items[i]!['humanCodingScheme'] ?? items[i]!['identifier']);
  const texts = (i: number): { name: LocalizedText; description: LocalizedText } => {
    const item = items[i]!;
    const ext = ours(item);
    const name = localized(ext?.['name']);
    if (name) return { name, description: localized(ext?.['description']) ?? emptyText() };
    const abbreviated = cleanText(item['abbreviatedStatement']);
    const full = cleanText(item['fullStatement']);
    const notes = cleanText(item['notes']);
    const description = [abbreviated ? full : '', notes].filter(Boolean).join('\n\n');
    return { name: both(abbreviated || full), description: both(description) };
  };

  const topLevel = childrenOf('doc');
  const hasChildren = (i: number) => childrenOf(i).length > 0;
  const groups: CompetencyGroup[] = [];
  const competencies: Competency[] = [];
  const placed: number[] = [];
  const questions: ImportQuestions = {};
  const decisions: ImportDecision[] = [];
  const addCompetencies = (groupCode: string, parentItem: number, parentCode: string | null) => {
    for (const child of childrenOf(parentItem)) {
      placed.push(child);
      competencies.push({ code: code(child), groupCode, parentCode, ...texts(child), indicators: [], ...readNodeIdentity(items[child]!) });
      addCompetencies(groupCode, child, code(child));
    }
  };
  const addItemGroups = (tops: number[]) => {
    for (const i of tops) {
      const kind = String(ours(items[i]!)?.['kind'] ?? '');
      groups.push({
        code: code(i),
        kind: (GROUP_KINDS as readonly string[]).includes(kind) ? (kind as GroupKind) : 'functional',
        ...texts(i),
        ...readNodeIdentity(items[i]!),
      });
      addCompetencies(code(i), i, null);
    }
  };
  // Items straight under the document with nothing below them cannot be groups: where they go is the user's choice.
  const leaves = topLevel.filter((i) => !hasChildren(i));
  if (leaves.length === 0) {
    addItemGroups(topLevel);
  } else {
    const defaultName = cleanText(cfDoc['title']);
    questions.structure = { options: leaves.length < topLevel.length ? ['one_group', 'top_level_as_groups'] : ['one_group'], groupName: defaultName };
    const choice = choices.structure && questions.structure.options.includes(choices.structure) ? choices.structure : 'one_group';
    const chosenName = cleanText(choices.groupName) || defaultName;
    const group: CompetencyGroup = {
      code: `${cleanText(cfDoc['identifier']).slice(0, 8)}-G`,
      kind: 'functional',
      name: both(chosenName),
      description: emptyText(),
    };
    groups.push(group);
    const inGroup = choice === 'one_group' ? topLevel : leaves;
    for (const i of inGroup) {
      placed.push(i);
      competencies.push({ code: code(i), groupCode: group.code, parentCode: null, ...texts(i), indicators: [], ...readNodeIdentity(items[i]!) });
      addCompetencies(group.code, i, code(i));
    }
    if (choice === 'top_level_as_groups') addItemGroups(topLevel.filter(hasChildren));
    const message =
      choice === 'one_group'
        ? {
            vi: `Gói không có nhóm (có mục nằm ngay dưới tài liệu mà không có mục con): mọi mục cấp đầu được đặt vào một nhóm "${group.code}" tên "${chosenName}"; có thể đổi tên hoặc chia nhóm trong bản nháp trước khi ban hành.`,
            en: `The package has no groups (items sit directly under the document with nothing below them): every top-level item is put in one group "${group.code}" named "${chosenName}"; rename or split it in the draft before publishing.`,
          }
        : {
            vi: `Mỗi mục cấp đầu có mục con thành một nhóm (${topLevel.length - leaves.length} nhóm); ${leaves.length} mục cấp đầu không có mục con được đặt vào nhóm "${group.code}" tên "${chosenName}".`,
            en: `Each top-level item with children becomes a group (${topLevel.length - leaves.length} groups); the ${leaves.length} top-level items without children are put in group "${group.code}" named "${chosenName}".`,
          };
    decisions.push({ question: 'structure', choice, message });
    warnings.push({ location: 'CFDocument', message });
  }

  const rubricLevels = readRubrics(pkg, itemIndex, uriIndex, code);
  let levels = readLevels(docExt, rubricLevels.maxLevel);
  if (asArray(docExt?.['levels']).length === 0 && rubricLevels.maxLevel.size === 0) {
    questions.levels = { options: ['national_scale', 'without_levels'] };
    const choice = choices.levels === 'without_levels' ? 'without_levels' : 'national_scale';
    if (choice === 'without_levels') levels = [];
    const message =
      choice === 'national_scale'
        ? {
            vi: `Gói không có thang đo (không có CFRubrics): NangLuc dùng thang ${levels.length} mức quốc gia (${levels.map((l) => l.name.vi).join(', ')}) làm mô tả tạm, chưa có chỉ báo hành vi; có thể sửa trong bản nháp trước khi ban hành.`,
            en: `The package has no scale (no CFRubrics): NangLuc uses its default ${levels.length}-level scale, the national one (${levels.map((l) => l.name.en).join(', ')}), as placeholder descriptors, without behavioural indicators; edit it in the draft before publishing.`,
          }
        : {
            vi: 'Gói không có thang đo (không có CFRubrics): bản nháp được nhập không có mức nào và không ban hành được cho tới khi thêm thang đo.',
            en: 'The package has no scale (no CFRubrics): the draft is imported without levels and cannot be published until levels are added.',
          };
    decisions.push({ question: 'levels', choice, message });
    warnings.push({ location: 'CFRubrics', message });
  }
  for (const c of competencies) {
    const itemPosition = itemIndex.get(String(items.find((item, i) => code(i) === c.code)?.['identifier']));
    c.indicators = itemPosition === undefined ? [] : (rubricLevels.byItem.get(itemPosition) ?? []);
  }
  const frameworkCode = cleanText(docExt?.['code'] ?? cfDoc['identifier']);
  const rubricNames = keptRubricNames(frameworkCode, rubricLevels);
  for (const c of competencies) {
    const criterion = rubricNames.criteria.get(c.code);
    if (criterion) c.criterion = criterion;
  }

  items.forEach((_, i) => {
    if (!placed.includes(i) && !topLevel.includes(i)) {
      warnings.push(
        issue(
          `CFItems[${i}]`,
          'Mục không nằm trong cây isChildOf của tài liệu nên không được nhập.',
          'The item is not in the document’s isChildOf tree and was not imported.',
        ),
      );
    }
  });
  const docLanguage = cleanText(cfDoc['language']);
  // Our own export records the creator the package had (null: none, "NangLuc" stood in for it).
  const creator = docExt && 'creator' in docExt ? docExt['creator'] : cfDoc['creator'];
  const base = asObject(docExt?.['base']);
  const doc: FrameworkDocument = {
    identifier: cleanText(cfDoc['identifier']),
    uri: cleanText(cfDoc['uri']),
    ...(docLanguage ? { language: docLanguage } : {}),
    ...(typeof creator === 'string' && creator ? { creator: cleanText(creator) } : {}),
    ...(typeof base['identifier'] === 'string'
      ? { base: { identifier: String(base['identifier']), uri: String(base['uri'] ?? ''), title: String(base['title'] ?? '') } }
      : {}),
    associations: readAssociations(pkg),
    ...(rubricNames.rubrics ? { rubrics: rubricNames.rubrics } : {}),
    code: frameworkCode,
    name: localized(docExt?.['name']) ?? both(cfDoc['title']),
    description: localized(docExt?.['description']) ?? both(cfDoc['description']),
    attribution: cleanText(docExt?.['attribution'] ?? attributionOf(cfDoc)),
    levels,
    groups,
    competencies,
  };
  const itemOfCompetency = competencies.map((c) => items.findIndex((_, i) => code(i) === c.code));
  const itemOfGroup = groups.map((g) => items.findIndex((_, i) => code(i) === g.code));
  const found = validateFramework(
    doc,
    {
      framework: () => 'CFDocument',
      level: (i) => `CFDocument.extensions.${EXT}.levels[${i}]`,
      group: (i) => (itemOfGroup[i]! >= 0 ? `CFItems[${itemOfGroup[i]}]` : 'CFDocument'),
      competency: (i) => `CFItems[${itemOfCompetency[i]}]`,
      indicator: (c) => `CFRubrics (CFItems[${itemOfCompetency[c]}])`,
    },
    { allowNoLevels: questions.levels !== undefined },
  );
  if (found.length > 0) return { ok: false, issues: found };
  return { ok: true, document: withCaseIdentity(doc), warnings, questions, decisions };
}

function attributionOf(cfDoc: Json): string {
  return [cfDoc['creator'], cfDoc['publisher'], cfDoc['officialSourceURL']].map(cleanText).filter(Boolean).join(' — ');
}

function readLevels(docExt: Json | null, rubricMax: Map<number, string>): ScaleLevel[] {
  const fromExt = asArray(docExt?.['levels']).map(asObject);
  if (fromExt.length > 0) {
    return fromExt.map((l, i) => ({
      level: Number(l['level'] ?? i + 1),
      name: localized(l['name']) ?? emptyText(),
      description: localized(l['description']) ?? emptyText(),
    }));
  }
  if (rubricMax.size === 0) return defaultLevels();
  const count = Math.max(...rubricMax.keys());
  return defaultLevels(count === 5 ? 5 : count).map((l) => {
    const quality = rubricMax.get(l.level);
    return quality ? { ...l, name: both(quality) } : l;
  });
}

/** Indicators per item from CFRubricCriteria; level = criterion level position (or score). Also the names the rubrics are found with. */
function readRubrics(pkg: Json, itemIndex: Map<string, number>, uriIndex: Map<string, number>, code: (item: number) => string) {
  const byItem = new Map<number, Indicator[]>();
  const maxLevel = new Map<number, string>();
  const rubrics: CaseRubric[] = [];
  const criteria = new Map<string, CaseCriterion>();
  for (const rubric of asArray(pkg['CFRubrics']).map(asObject)) {
    const rubricId = cleanText(rubric['identifier']);
    rubrics.push({ identifier: rubricId, uri: cleanText(rubric['uri']), title: cleanText(rubric['title']), description: cleanText(rubric['description']) });
    for (const criterion of asArray(rubric['CFRubricCriteria']).map(asObject)) {
      const target = asObject(criterion['CFItemURI']);
      const item = itemIndex.get(String(target['identifier'])) ?? uriIndex.get(String(target['uri']));
      if (item === undefined) continue;
      const list = byItem.get(item) ?? [];
      const names: CaseCriterion = { identifier: cleanText(criterion['identifier']), uri: cleanText(criterion['uri']), rubric: rubricId, levels: [] };
      asArray(criterion['CFRubricCriterionLevels'])
        .map(asObject)
        .forEach((level, k) => {
          const number = Number(level['position'] ?? level['score'] ?? k + 1);
          if (!maxLevel.has(number)) maxLevel.set(number, cleanText(level['quality']));
          if (Number.isInteger(number)) names.levels.push({ level: number, identifier: cleanText(level['identifier']), uri: cleanText(level['uri']) });
          const ext = ours(level);
          const structured = asArray(ext?.['indicators'])
            .map(localized)
            .filter((t): t is LocalizedText => t !== null);
          const texts = ext ? structured : cleanText(level['description']).split('\n').filter(Boolean).map(both);
          for (const t of texts) list.push({ level: number, text: t });
        });
      byItem.set(item, list);
      // An item criterion of several rubrics keeps the names of its first.
      if (!criteria.has(code(item))) criteria.set(code(item), names);
    }
  }
  return { byItem, maxLevel, rubrics, criteria };
}
