import { withCaseIdentity } from '../case-identity.js';
import { criterionNames, rubricsOf } from './case-rubric-identity.js';
import type { CaseAssociation, CaseNodeLink, FrameworkDocument, LocalizedText } from '../document.js';
import type { CasePackage } from '../case-service.schema.js';

/**
 * 1EdTech CASE 1.1 packages. Groups and competencies are CFItems joined by
 * isChildOf associations; the level indicators of each competency are one
 * criterion of a CFRubric whose criterion levels are the scale levels. The
 * standard fields carry the main text (Vietnamese, or the only language
 * given); the exact bilingual texts and what CASE has no field for travel in
 * the `extensions` objects the schema provides for that purpose. Identifiers,
 * URIs, item types, the document's language and creator and every association
 * are those of the document (kept from the imported package, or minted by
 * case-identity.ts), so a package exports as it was imported.
 */

/** Key of our objects inside CASE `extensions`. */
export const CASE_EXTENSION = 'nangluc';
const EXT = CASE_EXTENSION;

const main = (t: LocalizedText) => t.vi || t.en;

export function serializeCase(input: FrameworkDocument, options: { exportedAt?: string } = {}): CasePackage {
  const doc = withCaseIdentity(input);
  const when = options.exportedAt ?? new Date().toISOString();
  const language = doc.language ? { language: doc.language } : {};

  const itemLinks = new Map<string, CaseNodeLink>();
  const items = [...doc.groups.map((g) => ({ node: g, extra: { kind: g.kind } })), ...doc.competencies.map((c) => ({ node: c, extra: {} }))].map(
    ({ node, extra }) => {
      itemLinks.set(node.code, { title: main(node.name), identifier: node.identifier!, uri: node.uri! });
      return {
        identifier: node.identifier!,
        uri: node.uri!,
        fullStatement: main(node.description) || main(node.name),
        abbreviatedStatement: main(node.name),
        humanCodingScheme: node.code,
        CFItemType: node.itemType!,
        ...language,
        lastChangeDateTime: when,
        extensions: { [EXT]: { code: node.code, name: node.name, description: node.description, ...extra } },
      };
    },
  );
  const associations = (doc.associations ?? []).map((a: CaseAssociation) => ({
    identifier: a.identifier,
    uri: a.uri,
    associationType: a.type,
    ...(a.sequenceNumber === null ? {} : { sequenceNumber: a.sequenceNumber }),
    originNodeURI: a.origin,
    destinationNodeURI: a.destination,
    lastChangeDateTime: when,
  }));

  const rubrics = rubricsOf(doc, `Chỉ báo hành vi theo mức — ${main(doc.name)}`, 'Behavioural indicators per proficiency level');
  const criteria = doc.competencies.map((c, position) => {
    const names = criterionNames(doc, c, rubrics);
    return {
      ...names.criterion,
      category: main(c.name),
      CFItemURI: itemLinks.get(c.code)!,
      position: position + 1,
      rubricId: names.rubric,
      lastChangeDateTime: when,
      CFRubricCriterionLevels: doc.levels.map((level) => {
        const indicators = c.indicators.filter((i) => i.level === level.level).map((i) => i.text);
        return {
          ...names.level(level.level),
          quality: main(level.name),
          score: level.level,
          position: level.level,
          description: indicators.map(main).join('\n'),
          rubricCriterionId: names.criterion.identifier,
          lastChangeDateTime: when,
          extensions: [{ [EXT]: { indicators } }],
        };
      }),
    };
  });

  return {
    CFDocument: {
      identifier: doc.identifier!,
      uri: doc.uri!,
      creator: doc.creator || 'NangLuc',
      title: main(doc.name),
      lastChangeDateTime: when,
      description: main(doc.description),
      ...language,
      caseVersion: '1.1',
      ...(doc.attribution ? { notes: doc.attribution } : {}),
      extensions: {
        [EXT]: {
          code: doc.code,
          name: doc.name,
          description: doc.description,
          attribution: doc.attribution,
          levels: doc.levels,
          // What the package said itself, so that a re-import tells a missing creator from ours.
          creator: doc.creator ?? null,
          ...(doc.base ? { base: doc.base } : {}),
        },
      },
    },
    CFItems: items,
    CFAssociations: associations,
    CFRubrics: rubrics.map((r) => ({
      identifier: r.identifier,
      uri: r.uri,
      title: r.title,
      description: r.description,
      lastChangeDateTime: when,
      CFRubricCriteria: criteria.filter((c) => c.rubricId === r.identifier),
    })),
  };
}
