import { createHash } from 'node:crypto';
import { readCredentialSettings } from '../../platform/config.js';
import { canonicalFramework } from './document.canonical.js';
import type { CaseAssociation, CaseNodeLink, FrameworkDocument } from './document.js';

/**
 * How NangLuc names framework nodes for other systems (CASE 1.1). Identifiers
 * and URIs found in an imported package are kept unchanged; NangLuc mints them
 * only for what it creates: a name-based UUID of the framework code and the
 * node's code (the same value the CASE export and the certificates used before
 * identifiers were stored, so nothing already published or signed changes) and
 * a URI on the deployment's public host where the CASE service answers.
 */

/**
 * The deployment's public host (the CREDENTIAL_HOST setting), signed into
 * certificates and minted into CASE URIs: set it once, before the first
 * publication (docs/ARCHITECTURE.md, Certificates). URIs already stored keep
 * the host they were minted on.
 */
export function publicHost(): string {
  return readCredentialSettings().host;
}
export const CASE_SERVICE_PATH = '/ims/case/v1p1';

export type CaseCollection = 'CFDocuments' | 'CFItems' | 'CFAssociations' | 'CFRubrics';

export function caseUri(collection: CaseCollection, identifier: string): string {
  return `https://${publicHost()}${CASE_SERVICE_PATH}/${collection}/${identifier}`;
}

/** Name-based UUID (RFC 4122 version 5 layout): the same framework mints the same identifiers every time. */
export function stableUuid(...parts: string[]): string {
  const hash = createHash('sha1')
    .update(`nangluc:${parts.join('\u0000')}`)
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export const GROUP_ITEM_TYPE = 'Competency Group';
export const COMPETENCY_ITEM_TYPE = 'Competency';

/** A competency's CASE item as stored, or as minted for a row stored before identifiers were kept. */
export function competencyItemUri(frameworkCode: string, competency: { code: string; identifier?: string | null; uri?: string | null }): string {
  if (competency.uri) return competency.uri;
  return caseUri('CFItems', competency.identifier ?? stableUuid(frameworkCode, 'item', competency.code));
}

const sameNode = (link: CaseNodeLink, node: { identifier?: string; uri?: string }) =>
  link.identifier === node.identifier || (link.uri !== '' && link.uri === node.uri);

/**
 * The document with every CASE name it needs: identifiers and URIs minted
 * where missing, item types defaulted, and the tree's isChildOf associations
 * derived from the groups and parents (keeping the identifier and sequence
 * number of a stored one where the edge is the same), followed by every other
 * association as stored. An in-package isChildOf that is not the tree's edge
 * is dropped: the tree is the document's one hierarchy, and a competency moved
 * in the editor leaves its old edge behind. Idempotent.
 */
export function withCaseIdentity(input: FrameworkDocument): FrameworkDocument {
  const doc = canonicalFramework(input);
  const mint = (...parts: string[]) => stableUuid(doc.code, ...parts);
  const created = !doc.identifier;
  const identifier = doc.identifier ?? mint('document');
  // An imported item without CFItemType stays without one; NangLuc's own items say what they are.
  const named = <T extends { code: string; identifier?: string; uri?: string; itemType?: string }>(node: T, type: string): T => {
    if (node.identifier) return { ...node, uri: node.uri ?? caseUri('CFItems', node.identifier) };
    const id = mint('item', node.code);
    return { ...node, identifier: id, uri: node.uri ?? caseUri('CFItems', id), itemType: node.itemType ?? type };
  };
  const groups = doc.groups.map((g) => named(g, GROUP_ITEM_TYPE));
  const competencies = doc.competencies.map((c) => named(c, COMPETENCY_ITEM_TYPE));
  const title = (t: { name: { vi: string; en: string } }) => t.name.vi || t.name.en;
  const docLink: CaseNodeLink = { identifier, uri: doc.uri ?? caseUri('CFDocuments', identifier), title: title(doc) };
  const links = new Map<string, CaseNodeLink>();
  for (const node of [...groups, ...competencies]) links.set(node.code, { identifier: node.identifier!, uri: node.uri!, title: title(node) });

  const stored = doc.associations ?? [];
  const inPackage = (link: CaseNodeLink) => sameNode(link, docLink) || [...links.values()].some((l) => sameNode(link, l));
  const edges: Array<{ child: string; parent: CaseNodeLink }> = [
    ...groups.map((g) => ({ child: g.code, parent: docLink })),
    ...competencies.map((c) => ({ child: c.code, parent: links.get(c.parentCode ?? c.groupCode) ?? docLink })),
  ];
  const tree: CaseAssociation[] = edges.map(({ child, parent }) => {
    const origin = links.get(child)!;
    const found = stored.find((a) => a.type === 'isChildOf' && sameNode(a.origin, origin) && sameNode(a.destination, parent));
    const id = found?.identifier ?? mint('isChildOf', child);
    return {
      identifier: id,
      uri: found?.uri ?? caseUri('CFAssociations', id),
      type: 'isChildOf',
      origin,
      destination: parent,
      sequenceNumber: found?.sequenceNumber ?? null,
    };
  });
  renumberSiblings(tree);
  const treeIds = new Set(tree.map((a) => a.identifier));
  const others = stored.filter((a) => !treeIds.has(a.identifier) && !(a.type === 'isChildOf' && inPackage(a.origin) && inPackage(a.destination)));

  return {
    ...doc,
    identifier,
    uri: docLink.uri,
    ...(created ? { language: doc.language ?? 'vi', creator: doc.creator ?? 'NangLuc' } : {}),
    groups,
    competencies,
    associations: [...tree, ...others],
  };
}

/** Sequence numbers as stored while they still follow the siblings' order; 1..n for a parent whose children moved. */
function renumberSiblings(tree: CaseAssociation[]): void {
  const byParent = new Map<string, CaseAssociation[]>();
  for (const a of tree) byParent.set(a.destination.identifier, [...(byParent.get(a.destination.identifier) ?? []), a]);
  for (const siblings of byParent.values()) {
    const numbers = siblings.map((a) => a.sequenceNumber);
    const ordered = numbers.every((n, i) => n !== null && (i === 0 || n > numbers[i - 1]!));
    if (!ordered) siblings.forEach((a, i) => (a.sequenceNumber = i + 1));
  }
}

/**
 * A new content for a framework keeps the names of the content it replaces:
 * a node without identifier takes the one of the previous node with its code
 * (so an xlsx or Moodle round trip of an imported CASE framework keeps its
 * identifiers), and associations whose ends no longer exist are dropped.
 */
export function inheritCaseIdentity(doc: FrameworkDocument, previous: FrameworkDocument | undefined): FrameworkDocument {
  if (!previous) return doc;
  const before = new Map([...previous.groups, ...previous.competencies].map((n) => [n.code, n]));
  const keep = <T extends { code: string; identifier?: string; uri?: string; itemType?: string }>(node: T): T => {
    const old = before.get(node.code);
    if (!old || node.identifier) return node;
    return { ...node, identifier: old.identifier, uri: old.uri, itemType: node.itemType ?? old.itemType };
  };
  const groups = doc.groups.map(keep);
  const criteria = new Map(previous.competencies.map((c) => [c.code, c.criterion]));
  const competencies = doc.competencies
    .map(keep)
    .map((c) => definedOnly({ ...c, criterion: c.criterion ?? (doc.identifier ? undefined : criteria.get(c.code)) }));
  const previousIds = new Set([...previous.groups, ...previous.competencies].map((n) => n.identifier));
  const currentIds = new Set([...groups, ...competencies].map((n) => n.identifier));
  const alive = (link: CaseNodeLink) => !previousIds.has(link.identifier) || currentIds.has(link.identifier);
  const associations = (doc.associations ?? previous.associations ?? []).filter((a) => alive(a.origin) && alive(a.destination));
  const header = doc.identifier
    ? {}
    : {
        identifier: previous.identifier,
        uri: previous.uri,
        language: doc.language ?? previous.language,
        creator: doc.creator ?? previous.creator,
        base: doc.base ?? previous.base,
        rubrics: doc.rubrics ?? previous.rubrics,
      };
  return definedOnly({ ...doc, ...header, groups, competencies, associations });
}

/** The object without its undefined keys: a document without CASE names compares equal to one never given them. */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
