/**
 * A CASE 1.1 package as another system writes it: its own identifiers and
 * URIs, item types other than "Competency", English content, a creator, tree
 * sequence numbers that are not 1..n, and every association type of the
 * specification (plus an extension type and an isChildOf to another package).
 */
const BASE = 'https://case.example.org/uri/';
const uuid = (n: number) => `6f1c0000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const CASE_ASSOCIATION_TYPES = [
  'isChildOf',
  'isPeerOf',
  'isPartOf',
  'exactMatchOf',
  'precedes',
  'isRelatedTo',
  'replacedBy',
  'exemplar',
  'hasSkillLevel',
  'isTranslationOf',
  'ext:isPrerequisiteFor',
] as const;

export function foreignCasePackage(options: { documentId?: number; rubrics?: boolean } = {}) {
  const docN = options.documentId ?? 1;
  const when = '2025-03-04T05:06:07+00:00';
  const doc = { identifier: uuid(docN), uri: `${BASE}${uuid(docN)}`, title: 'Digital Skills for Public Servants' };
  const node = (n: number, code: string, type: string, statement: string) => ({
    identifier: uuid(docN * 100 + n),
    uri: `${BASE}${uuid(docN * 100 + n)}`,
    fullStatement: statement,
    abbreviatedStatement: code === 'A' || code === 'B' ? statement : undefined,
    humanCodingScheme: code,
    CFItemType: type,
    language: 'en',
    lastChangeDateTime: when,
  });
  const items = [
    node(1, 'A', 'Cluster', 'Using data'),
    node(2, 'A.1', 'Standard', 'Reads analytical reports'),
    node(3, 'A.2', 'Standard', 'Works with open data'),
    node(4, 'A.1.a', 'Component', 'Reads a dashboard'),
    node(5, 'B', 'Domain', 'Serving citizens online'),
    node(6, 'B.1', 'Standard', 'Guides citizens through online services'),
  ].map((i) => Object.fromEntries(Object.entries(i).filter(([, v]) => v !== undefined)) as ReturnType<typeof node>);
  const link = (i: { identifier: string; uri: string; fullStatement: string }) => ({ title: i.fullStatement, identifier: i.identifier, uri: i.uri });
  const docLink = { title: doc.title, identifier: doc.identifier, uri: doc.uri };
  const external = (n: number) => ({ title: `Elsewhere ${n}`, identifier: uuid(900 + n), uri: `https://other.example.net/case/${uuid(900 + n)}` });
  const [a, a1, a2, a1a, b, b1] = items as [(typeof items)[0], (typeof items)[0], (typeof items)[0], (typeof items)[0], (typeof items)[0], (typeof items)[0]];
  let next = 0;
  const assoc = (type: string, origin: object, destination: object, sequenceNumber?: number) => ({
    identifier: uuid(docN * 1000 + ++next),
    uri: `${BASE}${uuid(docN * 1000 + next)}`,
    associationType: type,
    ...(sequenceNumber === undefined ? {} : { sequenceNumber }),
    originNodeURI: origin,
    destinationNodeURI: destination,
    lastChangeDateTime: when,
  });
  const associations = [
    assoc('isChildOf', link(a), docLink, 10),
    assoc('isChildOf', link(b), docLink, 20),
    assoc('isChildOf', link(a1), link(a), 1),
    assoc('isChildOf', link(a2), link(a), 2),
    assoc('isChildOf', link(a1a), link(a1), 5),
    assoc('isChildOf', link(b1), link(b), 1),
    assoc('isChildOf', link(b1), external(1)),
    assoc('isPeerOf', link(a1), link(b1)),
    assoc('isPartOf', link(a1a), link(a1)),
    assoc('exactMatchOf', link(b1), external(2)),
    assoc('precedes', link(a1), link(a2)),
    assoc('isRelatedTo', link(a2), link(b1)),
    assoc('replacedBy', link(a1a), link(b1)),
    assoc('exemplar', link(a2), external(3)),
    assoc('hasSkillLevel', link(b1), external(4)),
    assoc('isTranslationOf', link(b), external(5)),
    assoc('ext:isPrerequisiteFor', link(a1), link(b1)),
  ];
  return {
    CFDocument: {
      identifier: doc.identifier,
      uri: doc.uri,
      creator: 'Example Standards Body',
      title: doc.title,
      lastChangeDateTime: when,
      description: 'A framework written by another system',
      language: 'en',
      caseVersion: '1.1',
    },
    CFItems: items,
    CFAssociations: associations,
    ...(options.rubrics ? { CFRubrics: foreignRubrics(docN, when, [a1, b1]) } : {}),
  };
}

/** Two rubrics of three levels, named by the other system, for two of the package's items. */
function foreignRubrics(docN: number, when: string, targets: Array<{ identifier: string; uri: string; fullStatement: string }>) {
  const named = (n: number) => ({ identifier: uuid(docN * 10_000 + n), uri: `${BASE}${uuid(docN * 10_000 + n)}` });
  return targets.map((item, r) => {
    const rubric = named(100 * (r + 1));
    const criterion = named(100 * (r + 1) + 10);
    return {
      ...rubric,
      title: `Rubric ${r + 1}`,
      description: 'Levels of performance',
      lastChangeDateTime: when,
      CFRubricCriteria: [
        {
          ...criterion,
          category: item.fullStatement,
          CFItemURI: { title: item.fullStatement, identifier: item.identifier, uri: item.uri },
          position: 1,
          rubricId: rubric.identifier,
          lastChangeDateTime: when,
          CFRubricCriterionLevels: ['Emerging', 'Proficient', 'Advanced'].map((quality, k) => ({
            ...named(100 * (r + 1) + 20 + k),
            quality,
            score: k + 1,
            position: k + 1,
            description: `${quality}: ${item.fullStatement}`,
            rubricCriterionId: criterion.identifier,
            lastChangeDateTime: when,
          })),
        },
      ],
    };
  });
}
