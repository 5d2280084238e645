import type { FrameworkDocument, LocalizedText } from '../document.js';
import { stableUuid } from './case-schema.js';

/**
 * 1EdTech CASE 1.1 packages. Groups and competencies are CFItems joined by
 * isChildOf associations; the level indicators of each competency are one
 * criterion of a CFRubric whose criterion levels are the scale levels. The
 * standard fields carry the Vietnamese text (the document language); the
 * exact bilingual texts and what CASE has no field for travel in the
 * `extensions` objects the schema provides for that purpose.
 */

/** Key of our objects inside CASE `extensions`. */
export const CASE_EXTENSION = 'nangluc';
const EXT = CASE_EXTENSION;
const GROUP_TYPE = 'Competency Group';
const COMPETENCY_TYPE = 'Competency';

interface LinkURI {
  title: string;
  identifier: string;
  uri: string;
}

const main = (t: LocalizedText) => t.vi || t.en;

export function serializeCase(doc: FrameworkDocument, options: { exportedAt?: string } = {}): object {
  const when = options.exportedAt ?? new Date().toISOString();
  const id = (...parts: string[]) => stableUuid(doc.code, ...parts);
  const link = (title: string, identifier: string): LinkURI => ({ title, identifier, uri: `urn:uuid:${identifier}` });
  const docId = id('document');
  const docLink = link(main(doc.name), docId);

  const items: object[] = [];
  const associations: object[] = [];
  const itemLinks = new Map<string, LinkURI>();
  const addItem = (code: string, type: string, name: LocalizedText, description: LocalizedText, extra: object) => {
    const identifier = id('item', code);
    itemLinks.set(code, link(main(name), identifier));
    items.push({
      identifier,
      uri: `urn:uuid:${identifier}`,
      fullStatement: main(description) || main(name),
      abbreviatedStatement: main(name),
      humanCodingScheme: code,
      CFItemType: type,
      language: 'vi',
      lastChangeDateTime: when,
      extensions: { [EXT]: { code, name, description, ...extra } },
    });
  };
  const addChild = (child: string, parent: LinkURI, sequence: number) => {
    const identifier = id('isChildOf', child);
    associations.push({
      identifier,
      uri: `urn:uuid:${identifier}`,
      associationType: 'isChildOf',
      sequenceNumber: sequence,
      originNodeURI: itemLinks.get(child)!,
      destinationNodeURI: parent,
      lastChangeDateTime: when,
    });
  };

  doc.groups.forEach((group, i) => {
    addItem(group.code, GROUP_TYPE, group.name, group.description, { kind: group.kind });
    addChild(group.code, docLink, i + 1);
  });
  doc.competencies.forEach((c) => addItem(c.code, COMPETENCY_TYPE, c.name, c.description, {}));
  const siblings = new Map<string, number>();
  for (const c of doc.competencies) {
    const parent = c.parentCode ?? c.groupCode;
    const sequence = (siblings.get(parent) ?? 0) + 1;
    siblings.set(parent, sequence);
    addChild(c.code, itemLinks.get(parent) ?? docLink, sequence);
  }

  const rubricId = id('rubric');
  const criteria = doc.competencies.map((c, position) => {
    const criterionId = id('criterion', c.code);
    return {
      identifier: criterionId,
      uri: `urn:uuid:${criterionId}`,
      category: main(c.name),
      CFItemURI: itemLinks.get(c.code)!,
      position: position + 1,
      rubricId,
      lastChangeDateTime: when,
      CFRubricCriterionLevels: doc.levels.map((level) => {
        const indicators = c.indicators.filter((i) => i.level === level.level).map((i) => i.text);
        const levelId = id('criterion-level', c.code, String(level.level));
        return {
          identifier: levelId,
          uri: `urn:uuid:${levelId}`,
          quality: main(level.name),
          score: level.level,
          position: level.level,
          description: indicators.map(main).join('\n'),
          rubricCriterionId: criterionId,
          lastChangeDateTime: when,
          extensions: [{ [EXT]: { indicators } }],
        };
      }),
    };
  });

  return {
    CFDocument: {
      identifier: docId,
      uri: docLink.uri,
      creator: 'NangLuc',
      title: main(doc.name),
      lastChangeDateTime: when,
      description: main(doc.description),
      language: 'vi',
      caseVersion: '1.1',
      ...(doc.attribution ? { notes: doc.attribution } : {}),
      extensions: {
        [EXT]: { code: doc.code, name: doc.name, description: doc.description, attribution: doc.attribution, levels: doc.levels },
      },
    },
    CFItems: items,
    CFAssociations: associations,
    CFRubrics: [
      {
        identifier: rubricId,
        uri: `urn:uuid:${rubricId}`,
        title: `Chỉ báo hành vi theo mức — ${main(doc.name)}`,
        description: 'Behavioural indicators per proficiency level',
        lastChangeDateTime: when,
        CFRubricCriteria: criteria,
      },
    ],
  };
}
