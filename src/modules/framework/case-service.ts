import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/engine.js';
import { notFound } from '../../platform/errors.js';
import { frameworkPolicy } from './framework.policy.js';
import * as repo from './framework.repository.js';
import { serializeCase } from './formats/case.js';
import type { CasePackage } from './case-service.schema.js';

/**
 * What the CASE 1.1 service answers: the published frameworks the caller may
 * read (anonymous: national ones only), each as the package its CASE export
 * is. A published version never changes, so its package is built once and
 * kept (by version id and publication time), and its lastChangeDateTime is the
 * publication time, so two reads give the same bytes.
 */
const cache = new Map<string, CasePackage>();
const CACHE_LIMIT = 50;

async function packageOf(db: Db, version: repo.VersionRow): Promise<CasePackage> {
  const key = `${version.id}@${version.publishedAt?.toISOString() ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const doc = await repo.loadDocument(db, version.id);
  if (!doc) throw notFound();
  const pkg = serializeCase(doc, { exportedAt: (version.publishedAt ?? version.updatedAt).toISOString() });
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, pkg);
  return pkg;
}

/** Every package the caller may read, national frameworks first. */
export async function servedPackages(db: Db, actor: Actor | null): Promise<CasePackage[]> {
  const versions = (await repo.listVersions(db)).filter((v) => frameworkPolicy.canReadCase(actor, v, v.status));
  versions.sort((a, b) => (a.scope === b.scope ? 0 : a.scope === 'national' ? -1 : 1));
  const packages: CasePackage[] = [];
  for (const v of versions) packages.push(await packageOf(db, v));
  return packages;
}

type Collection = 'CFItems' | 'CFAssociations' | 'CFRubrics';

/** The first served package's object of that collection with this identifier; 404 when none (or not the caller's to read). */
export async function findServed<C extends Collection>(db: Db, actor: Actor | null, collection: C, identifier: string): Promise<CasePackage[C][number]> {
  for (const pkg of await servedPackages(db, actor)) {
    const found = pkg[collection].find((node) => node.identifier === identifier);
    if (found) return found;
  }
  throw notFound();
}

export async function findPackage(db: Db, actor: Actor | null, identifier: string): Promise<CasePackage> {
  const found = (await servedPackages(db, actor)).find((pkg) => pkg.CFDocument.identifier === identifier);
  if (!found) throw notFound();
  return found;
}

/** An item and every association that starts or ends at it (CASE's CFItemAssociations). */
export async function itemAssociations(db: Db, actor: Actor | null, identifier: string) {
  for (const pkg of await servedPackages(db, actor)) {
    const item = pkg.CFItems.find((node) => node.identifier === identifier);
    if (!item) continue;
    const touches = (end: unknown) => (end as { identifier?: string } | undefined)?.identifier === identifier;
    return { CFItem: item, CFAssociations: pkg.CFAssociations.filter((a) => touches(a['originNodeURI']) || touches(a['destinationNodeURI'])) };
  }
  throw notFound();
}
