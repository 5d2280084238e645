import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/engine.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { canonicalFramework } from './document.canonical.js';
import { cleanLocalized, type FrameworkDocument, type FrameworkFormat, type ImportIssue } from './document.js';
import { issue, validateFramework } from './document.validate.js';
import { frameworkPolicy } from './framework.policy.js';
import * as repo from './framework.repository.js';
import { parseFramework } from './formats/index.js';
import type { ImportOutcome, ImportPreview } from './framework.schema.js';
import { unansweredQuestions, type ImportChoices, type ImportDecision } from './import-choices.js';
import { emit } from '../events.js';
import { inheritCaseIdentity, withCaseIdentity } from './case-identity.js';

/**
 * The rules of frameworks and their versions: draft → published → retired; a
 * published version never changes (editing starts a new draft); every change
 * is one transaction with its audit record.
 */

const invalid = (issues: ImportIssue[]) => new AppError('framework_invalid', 422, { issues });

async function editableVersion(db: Db | Transaction<Database>, actor: Actor, versionId: string) {
  const version = await repo.findVersion(db, versionId);
  if (!version || !frameworkPolicy.canRead(actor, version, version.status)) throw notFound();
  if (!frameworkPolicy.canEdit(actor, version)) throw new AppError('forbidden', 403);
  return version;
}

/** Extension codes may not reuse the base framework's codes: the national ones stay as they are. */
async function extensionIssues(db: Db | Transaction<Database>, baseVersionId: string | null, doc: FrameworkDocument): Promise<ImportIssue[]> {
  if (!baseVersionId) return [];
  const base = await repo.loadDocument(db, baseVersionId);
  if (!base) return [];
  const taken = new Set([...base.groups.map((g) => g.code), ...base.competencies.map((c) => c.code)]);
  const issues: ImportIssue[] = [];
  doc.groups.forEach((g, i) => {
    if (taken.has(g.code))
      issues.push(issue(`groups[${i}]`, `Mã "${g.code}" đã có trong khung gốc.`, `Code "${g.code}" is already used by the base framework.`));
  });
  doc.competencies.forEach((c, i) => {
    if (taken.has(c.code))
      issues.push(issue(`competencies[${i}]`, `Mã "${c.code}" đã có trong khung gốc.`, `Code "${c.code}" is already used by the base framework.`));
  });
  if (doc.levels.length !== base.levels.length) {
    issues.push(issue('levels', 'Phần mở rộng phải dùng thang đo của khung gốc.', 'An extension must use the base framework’s scale.'));
  }
  return issues;
}

/**
 * Import a file as the draft of its framework (matched by code): a new
 * framework, a new draft after the published one, or the open draft replaced.
 * A bad file changes nothing and answers every problem found.
 */
export async function importFramework(
  db: Db,
  actor: Actor,
  format: FrameworkFormat,
  bytes: Buffer,
  options: { publish?: boolean; source?: string; choices?: ImportChoices; requireChoices?: boolean } = {},
): Promise<ImportOutcome> {
  const choices = options.choices ?? {};
  const parsed = await parseFramework(format, bytes, choices);
  if (!parsed.ok) throw invalid(parsed.issues);
  // The API asks before it adds a group or a scale the file did not have (the CLI keeps its defaults and prints what it did).
  const open = unansweredQuestions(parsed.questions, choices);
  if (options.requireChoices && open.length > 0) throw new AppError('framework_import_choice_needed', 422, { open, questions: parsed.questions });
  const withoutLevels = parsed.document.levels.length === 0;
  if (options.publish && withoutLevels) throw new AppError('framework_levels_missing', 409);
  const outcome = await saveAsDraft(
    db,
    actor,
    parsed.document,
    { action: `import:${format}`, ...(options.source ? { source: options.source } : {}), ...(parsed.decisions?.length ? { decisions: parsed.decisions } : {}) },
    { allowNoLevels: withoutLevels },
  );
  if (options.publish) await publishVersion(db, actor, outcome.versionId);
  return { ...outcome, warnings: parsed.warnings ?? [], decisions: parsed.decisions ?? [] };
}

/** What an import would do, without storing anything: counts, warnings, and the questions the confirm call must answer. */
export async function previewImport(actor: Actor, format: FrameworkFormat, bytes: Buffer, choices: ImportChoices = {}): Promise<ImportPreview> {
  if (!frameworkPolicy.canCreate(actor)) throw new AppError('forbidden', 403);
  const parsed = await parseFramework(format, bytes, choices);
  if (!parsed.ok) throw invalid(parsed.issues);
  const doc = parsed.document;
  return {
    code: doc.code,
    name: doc.name,
    groups: doc.groups.length,
    competencies: doc.competencies.length,
    levels: doc.levels.length,
    associations: doc.associations?.length ?? 0,
    warnings: parsed.warnings ?? [],
    questions: {
      structure: parsed.questions?.structure ?? null,
      levels: parsed.questions?.levels ?? null,
    },
  };
}

export async function saveAsDraft(
  db: Db,
  actor: Actor,
  input: FrameworkDocument,
  audit: { action: string; source?: string; decisions?: ImportDecision[] },
  options: { allowNoLevels?: boolean } = {},
): Promise<Omit<ImportOutcome, 'warnings' | 'decisions'>> {
  let doc = canonicalFramework(input);
  const issues = validateFramework(doc, undefined, options);
  if (issues.length > 0) throw invalid(issues);
  if (!frameworkPolicy.canCreate(actor)) throw new AppError('forbidden', 403);
  return db.transaction().execute(async (trx) => {
    const existing = await repo.findFrameworkByCode(trx, doc.code);
    if (existing && !frameworkPolicy.canEdit(actor, existing)) {
      // Someone else's framework with this code: do not reveal more than that the code is taken.
      throw new AppError('already_exists', 409, { code: doc.code });
    }
    let frameworkId = existing?.id;
    let created = false;
    if (!frameworkId) {
      frameworkId = await repo.insertFramework(trx, {
        code: doc.code,
        scope: frameworkPolicy.scopeOfNew(actor),
        agencyId: actor.agencyId,
        baseFrameworkId: null,
      });
      created = true;
    }
    const draft = await repo.versionOfStatus(trx, frameworkId, 'draft');
    // The names other systems know the nodes by survive a re-import in a format that has none (xlsx, Moodle).
    const previousId = draft?.id ?? (existing ? (await repo.versionOfStatus(trx, frameworkId, 'published'))?.id : undefined);
    const previous = previousId ? await repo.loadDocument(trx, previousId) : undefined;
    doc = withCaseIdentity(inheritCaseIdentity(doc, previous));
    let versionId: string;
    let versionNo: number;
    if (draft) {
      const draftRow = await repo.findVersion(trx, draft.id);
      const extension = await extensionIssues(trx, draftRow?.baseVersionId ?? null, doc);
      if (extension.length > 0) throw invalid(extension);
      await repo.replaceContent(trx, draft.id, doc);
      versionId = draft.id;
      versionNo = draft.versionNo;
    } else {
      versionNo = await repo.nextVersionNo(trx, frameworkId);
      const published = existing?.baseFrameworkId ? await repo.versionOfStatus(trx, existing.baseFrameworkId, 'published') : undefined;
      const extension = await extensionIssues(trx, published?.id ?? null, doc);
      if (extension.length > 0) throw invalid(extension);
      versionId = await repo.insertVersion(trx, { frameworkId, versionNo, baseVersionId: published?.id ?? null, createdBy: actor.userId, doc });
      await repo.replaceContent(trx, versionId, doc);
    }
    await recordAudit(trx, actor, {
      action: audit.action,
      entity: 'framework_version',
      entityId: versionId,
      agencyPath: existing?.scope === 'agency' || (!existing && actor.role !== 'national_admin') ? actor.agencyPath : null,
      after: {
        code: doc.code,
        versionNo,
        groups: doc.groups.length,
        competencies: doc.competencies.length,
        associations: doc.associations?.length ?? 0,
        ...(audit.source ? { source: audit.source } : {}),
        ...(audit.decisions ? { decisions: audit.decisions.map((d) => ({ question: d.question, choice: d.choice })) } : {}),
      },
    });
    return { frameworkId, versionId, versionNo, created };
  });
}

/** Replace the content of a draft; a published or retired version answers 409. */
export async function updateDraft(db: Db, actor: Actor, versionId: string, input: FrameworkDocument): Promise<void> {
  const version = await editableVersion(db, actor, versionId);
  if (version.status !== 'draft') throw new AppError('framework_version_immutable', 409, { status: version.status });
  const doc = canonicalFramework({ ...input, code: version.code });
  // A draft may stay without levels while it is written; publishing needs them.
  const issues = [...validateFramework(doc, undefined, { allowNoLevels: true }), ...(await extensionIssues(db, version.baseVersionId, doc))];
  if (issues.length > 0) throw invalid(issues);
  await db.transaction().execute(async (trx) => {
    const before = await repo.loadDocument(trx, versionId);
    await repo.replaceContent(trx, versionId, withCaseIdentity(inheritCaseIdentity(doc, before)));
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'framework_version',
      entityId: versionId,
      agencyPath: version.scope === 'agency' ? version.agencyPath : null,
      before: before && { competencies: before.competencies.length },
      after: { competencies: doc.competencies.length },
    });
  });
}

/** Start editing a published framework: a new draft, a copy of the published version. */
export async function createDraft(db: Db, actor: Actor, frameworkId: string): Promise<{ versionId: string; versionNo: number }> {
  const framework = await repo.findFramework(db, frameworkId);
  if (!framework) throw notFound();
  if (!frameworkPolicy.canEdit(actor, framework)) throw new AppError('forbidden', 403);
  return db.transaction().execute(async (trx) => {
    if (await repo.versionOfStatus(trx, frameworkId, 'draft')) throw new AppError('framework_draft_exists', 409);
    const source = (await repo.versionOfStatus(trx, frameworkId, 'published')) ?? (await repo.listVersions(trx, frameworkId))[0];
    if (!source) throw notFound();
    const sourceRow = (await repo.findVersion(trx, source.id))!;
    const doc = withCaseIdentity((await repo.loadDocument(trx, source.id))!);
    const versionNo = await repo.nextVersionNo(trx, frameworkId);
    const versionId = await repo.insertVersion(trx, { frameworkId, versionNo, baseVersionId: sourceRow.baseVersionId, createdBy: actor.userId, doc });
    await repo.replaceContent(trx, versionId, doc);
    await recordAudit(trx, actor, {
      action: 'create_draft',
      entity: 'framework_version',
      entityId: versionId,
      agencyPath: framework.scope === 'agency' ? framework.agencyPath : null,
      after: { fromVersion: source.versionNo, versionNo },
    });
    return { versionId, versionNo };
  });
}

/** Publish a draft; the version published before it is retired (assessments keep pointing at it). */
export async function publishVersion(db: Db, actor: Actor, versionId: string): Promise<void> {
  const version = await editableVersion(db, actor, versionId);
  if (version.status !== 'draft') throw new AppError('framework_version_immutable', 409, { status: version.status });
  // A package imported without levels (import-choices.ts) waits for its scale.
  if (version.levelCount === 0) throw new AppError('framework_levels_missing', 409);
  await db.transaction().execute(async (trx) => {
    const current = await repo.versionOfStatus(trx, version.frameworkId, 'published');
    if (current) await repo.setStatus(trx, current.id, 'retired', actor.userId);
    await repo.setStatus(trx, versionId, 'published', actor.userId);
    // Position profiles follow the framework to its new version; assessments stay on theirs.
    const tally: Record<string, number> = {};
    if (current) await emit(trx, 'framework.versionPublished', { fromVersionId: current.id, toVersionId: versionId, moved: tally });
    const profilesMoved = tally.positionProfiles ?? 0;
    await recordAudit(trx, actor, {
      action: 'publish',
      entity: 'framework_version',
      entityId: versionId,
      agencyPath: version.scope === 'agency' ? version.agencyPath : null,
      before: { status: 'draft', retired: current?.id ?? null },
      after: { status: 'published', profilesMoved },
    });
  });
}

export async function retireVersion(db: Db, actor: Actor, versionId: string): Promise<void> {
  const version = await editableVersion(db, actor, versionId);
  if (version.status !== 'published') throw new AppError('framework_version_immutable', 409, { status: version.status });
  await db.transaction().execute(async (trx) => {
    await repo.setStatus(trx, versionId, 'retired', actor.userId);
    await recordAudit(trx, actor, {
      action: 'retire',
      entity: 'framework_version',
      entityId: versionId,
      agencyPath: version.scope === 'agency' ? version.agencyPath : null,
      before: { status: 'published' },
      after: { status: 'retired' },
    });
  });
}

/** Only a draft can be thrown away; published history is never deleted. */
export async function deleteDraft(db: Db, actor: Actor, versionId: string): Promise<void> {
  const version = await editableVersion(db, actor, versionId);
  if (version.status !== 'draft') throw new AppError('framework_version_immutable', 409, { status: version.status });
  await db.transaction().execute(async (trx) => {
    await repo.deleteVersion(trx, versionId);
    const left = await repo.listVersions(trx, version.frameworkId);
    if (left.length === 0) await trx.deleteFrom('frameworks').where('id', '=', version.frameworkId).execute();
    await recordAudit(trx, actor, {
      action: 'delete',
      entity: 'framework_version',
      entityId: versionId,
      agencyPath: version.scope === 'agency' ? version.agencyPath : null,
      before: { code: version.code, versionNo: version.versionNo },
    });
  });
}

/**
 * An agency's extension of a published national framework: a framework of the
 * agency's own, written against the national version, with the national scale
 * and no national group or competency in it.
 */
export async function createExtension(
  db: Db,
  actor: Actor,
  baseFrameworkId: string,
  input: { code: string; name: { vi: string; en: string } },
): Promise<{ frameworkId: string; versionId: string }> {
  const base = await repo.findFramework(db, baseFrameworkId);
  if (!base || base.scope !== 'national') throw notFound();
  if (actor.role !== 'hr_officer' && actor.role !== 'national_admin') throw new AppError('forbidden', 403);
  return db.transaction().execute(async (trx) => {
    const published = await repo.versionOfStatus(trx, base.id, 'published');
    if (!published) throw new AppError('framework_not_published', 409);
    const baseDoc = withCaseIdentity((await repo.loadDocument(trx, published.id))!);
    const doc: FrameworkDocument = {
      // The national CFDocument it extends, by the identifier other systems know it by.
      base: { identifier: baseDoc.identifier!, uri: baseDoc.uri!, title: baseDoc.name.vi || baseDoc.name.en },
      code: input.code.trim(),
      name: cleanLocalized(input.name),
      description: { vi: '', en: '' },
      attribution: '',
      levels: baseDoc.levels,
      groups: [],
      competencies: [],
    };
    const issues = validateFramework(doc);
    if (issues.length > 0) throw invalid(issues);
    if (await repo.findFrameworkByCode(trx, doc.code)) throw new AppError('already_exists', 409, { code: doc.code });
    const frameworkId = await repo.insertFramework(trx, { code: doc.code, scope: 'agency', agencyId: actor.agencyId, baseFrameworkId: base.id });
    const versionId = await repo.insertVersion(trx, { frameworkId, versionNo: 1, baseVersionId: published.id, createdBy: actor.userId, doc });
    await repo.replaceContent(trx, versionId, withCaseIdentity(doc));
    await recordAudit(trx, actor, {
      action: 'create_extension',
      entity: 'framework_version',
      entityId: versionId,
      agencyPath: actor.agencyPath,
      after: { code: doc.code, base: base.code },
    });
    return { frameworkId, versionId };
  });
}

/** Seed hook: the national framework, published, owned by the national agency. */
export async function seedNationalFramework(
  trx: Transaction<Database>,
  options: { agencyId: string; doc: FrameworkDocument },
): Promise<{ frameworkId: string; versionId: string }> {
  const doc = withCaseIdentity(options.doc);
  const frameworkId = await repo.insertFramework(trx, { code: doc.code, scope: 'national', agencyId: options.agencyId, baseFrameworkId: null });
  const versionId = await repo.insertVersion(trx, { frameworkId, versionNo: 1, baseVersionId: null, createdBy: null, doc });
  await repo.replaceContent(trx, versionId, doc);
  await repo.setStatus(trx, versionId, 'published', null);
  return { frameworkId, versionId };
}
