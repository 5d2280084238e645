import {
  cleanLocalized,
  cleanText,
  defaultLevels,
  emptyText,
  GROUP_KINDS,
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
import { CASE_EXTENSION as EXT } from './case.js';
import { checkCasePackage } from './case-schema.js';

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

export function parseCase(input: string | Buffer | object): ParseResult {
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
  const issues: ImportIssue[] = [];

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
        issues.push(
          issue(
            `CFAssociations[${order}].destinationNodeURI`,
            'Quan hệ isChildOf trỏ tới mục không có trong gói.',
            'An isChildOf association points to an item that is not in the package.',
          ),
        );
        return;
      }
      const sequence = Number(a['sequenceNumber'] ?? Number.MAX_SAFE_INTEGER);
      parentOf.set(child, { parent, sequence: Number.isFinite(sequence) ? sequence : Number.MAX_SAFE_INTEGER, order });
    });
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
  // A flat package (items directly under the document, none nested) gets one group for all of them.
  const flat = topLevel.every((i) => childrenOf(i).length === 0);
  const groups: CompetencyGroup[] = [];
  const competencies: Competency[] = [];
  const placed: number[] = [];
  const addCompetencies = (groupCode: string, parentItem: number, parentCode: string | null) => {
    for (const child of childrenOf(parentItem)) {
      placed.push(child);
      competencies.push({ code: code(child), groupCode, parentCode, ...texts(child), indicators: [] });
      addCompetencies(groupCode, child, code(child));
    }
  };
  if (flat && topLevel.length > 0) {
    groups.push({ code: `${cleanText(cfDoc['identifier']).slice(0, 8)}-G`, kind: 'functional', name: both(cfDoc['title']), description: emptyText() });
    for (const i of topLevel) {
      placed.push(i);
      competencies.push({ code: code(i), groupCode: groups[0]!.code, parentCode: null, ...texts(i), indicators: [] });
    }
  } else {
    for (const i of topLevel) {
      const kind = String(ours(items[i]!)?.['kind'] ?? '');
      groups.push({ code: code(i), kind: (GROUP_KINDS as readonly string[]).includes(kind) ? (kind as GroupKind) : 'functional', ...texts(i) });
      addCompetencies(code(i), i, null);
    }
  }

  const rubricLevels = readRubrics(pkg, itemIndex, uriIndex);
  const levels = readLevels(docExt, rubricLevels.maxLevel);
  for (const c of competencies) {
    const itemPosition = itemIndex.get(String(items.find((item, i) => code(i) === c.code)?.['identifier']));
    c.indicators = itemPosition === undefined ? [] : (rubricLevels.byItem.get(itemPosition) ?? []);
  }

  const warnings = [...check.warnings];
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
  const doc: FrameworkDocument = {
    code: cleanText(docExt?.['code'] ?? cfDoc['identifier']),
    name: localized(docExt?.['name']) ?? both(cfDoc['title']),
    description: localized(docExt?.['description']) ?? both(cfDoc['description']),
    attribution: cleanText(docExt?.['attribution'] ?? attributionOf(cfDoc)),
    levels,
    groups,
    competencies,
  };
  const itemOfCompetency = competencies.map((c) => items.findIndex((_, i) => code(i) === c.code));
  const itemOfGroup = groups.map((g) => items.findIndex((_, i) => code(i) === g.code));
  const found = validateFramework(doc, {
    framework: () => 'CFDocument',
    level: (i) => `CFDocument.extensions.${EXT}.levels[${i}]`,
    group: (i) => (itemOfGroup[i]! >= 0 ? `CFItems[${itemOfGroup[i]}]` : 'CFDocument'),
    competency: (i) => `CFItems[${itemOfCompetency[i]}]`,
    indicator: (c) => `CFRubrics (CFItems[${itemOfCompetency[c]}])`,
  });
  return found.length > 0 ? { ok: false, issues: found } : { ok: true, document: doc, warnings };
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

/** Indicators per item from CFRubricCriteria; level = criterion level position (or score). */
function readRubrics(pkg: Json, itemIndex: Map<string, number>, uriIndex: Map<string, number>) {
  const byItem = new Map<number, Indicator[]>();
  const maxLevel = new Map<number, string>();
  for (const rubric of asArray(pkg['CFRubrics']).map(asObject)) {
    for (const criterion of asArray(rubric['CFRubricCriteria']).map(asObject)) {
      const target = asObject(criterion['CFItemURI']);
      const item = itemIndex.get(String(target['identifier'])) ?? uriIndex.get(String(target['uri']));
      if (item === undefined) continue;
      const list = byItem.get(item) ?? [];
      asArray(criterion['CFRubricCriterionLevels'])
        .map(asObject)
        .forEach((level, k) => {
          const number = Number(level['position'] ?? level['score'] ?? k + 1);
          if (!maxLevel.has(number)) maxLevel.set(number, cleanText(level['quality']));
          const ext = ours(level);
          const structured = asArray(ext?.['indicators'])
            .map(localized)
            .filter((t): t is LocalizedText => t !== null);
          const texts = ext ? structured : cleanText(level['description']).split('\n').filter(Boolean).map(both);
          for (const t of texts) list.push({ level: number, text: t });
        });
      byItem.set(item, list);
    }
  }
  return { byItem, maxLevel };
}
