import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pick, type Competency, type FrameworkDocument } from './frameworksApi';

type Association = NonNullable<FrameworkDocument['associations']>[number];
type End = Association['origin'];

/**
 * How a competency relates to others, from the CASE associations kept with
 * the framework (the tree's own isChildOf edges are the page's structure, not
 * repeated here). Read from this competency's side: "A precedes B" shows on B
 * as a prerequisite, on A as what it leads to.
 */
type LinkKind =
  | 'equivalent'
  | 'related'
  | 'prerequisite'
  | 'leadsTo'
  | 'partOf'
  | 'hasPart'
  | 'replacedBy'
  | 'replaces'
  | 'exemplar'
  | 'exemplarOf'
  | 'skillLevel'
  | 'skillLevelOf'
  | 'translationOf'
  | 'translation'
  | 'childOf'
  | 'parentOf';
const RELATION: Record<string, { from: LinkKind; to: LinkKind } | undefined> = {
  exactMatchOf: { from: 'equivalent', to: 'equivalent' },
  isRelatedTo: { from: 'related', to: 'related' },
  isPeerOf: { from: 'related', to: 'related' },
  precedes: { from: 'leadsTo', to: 'prerequisite' },
  isPartOf: { from: 'partOf', to: 'hasPart' },
  replacedBy: { from: 'replacedBy', to: 'replaces' },
  exemplar: { from: 'exemplar', to: 'exemplarOf' },
  hasSkillLevel: { from: 'skillLevel', to: 'skillLevelOf' },
  isTranslationOf: { from: 'translationOf', to: 'translation' },
  isChildOf: { from: 'childOf', to: 'parentOf' },
};

// Only web addresses become links: a package may name a node by any URI, javascript: included.
const isWebAddress = (uri: string) => /^https?:\/\//i.test(uri);

export function CompetencyLinks({ doc, competency }: { doc: FrameworkDocument; competency: Competency }) {
  const { t } = useTranslation();
  const treeEdge = (a: Association) => a.type === 'isChildOf' && isInDocument(doc, a.origin) && isInDocument(doc, a.destination);
  const mine = (end: End) => end.identifier === competency.identifier;
  const links = (doc.associations ?? [])
    .filter((a) => !treeEdge(a) && (mine(a.origin) || mine(a.destination)))
    .map((a) => {
      const outgoing = mine(a.origin);
      const relation = RELATION[a.type];
      const kind = relation ? (outgoing ? relation.from : relation.to) : null;
      return { key: `${a.identifier}-${outgoing}`, label: kind ? t(`frameworks.links.${kind}`) : a.type, other: outgoing ? a.destination : a.origin };
    });
  if (links.length === 0) return null;
  return (
    <Stack gap={4} data-testid="competency-links">
      <Text size="sm" fw={600}>
        {t('frameworks.links.title')}
      </Text>
      {links.map(({ key, label, other }) => {
        const local = doc.competencies.find((c) => c.identifier === other.identifier);
        const name = local ? `${local.code} · ${pick(local.name)}` : other.title || other.uri || other.identifier;
        return (
          <Group key={key} gap="xs" wrap="nowrap">
            <Badge variant="light" size="sm">
              {label}
            </Badge>
            {!local && isWebAddress(other.uri) ? (
              <Anchor size="sm" href={other.uri} target="_blank" rel="noopener noreferrer">
                {name}
              </Anchor>
            ) : (
              <Text size="sm">{name}</Text>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

function isInDocument(doc: FrameworkDocument, end: End): boolean {
  return end.identifier === doc.identifier || [...doc.groups, ...doc.competencies].some((n) => n.identifier === end.identifier);
}
