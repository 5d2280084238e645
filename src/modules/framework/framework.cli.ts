import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Actor } from '../../platform/auth/actor.js';
import type { CliCommand, CliContext, CliModule } from '../../platform/cli/cli-types.js';
import type { Db } from '../../platform/db/engine.js';
import { AppError } from '../../platform/errors.js';
import { csvLine } from '../../platform/export/spreadsheet-safe.js';
import { FRAMEWORK_FORMATS, type FrameworkFormat, type ImportIssue } from './document.js';
import * as repo from './framework.repository.js';
import { importFramework } from './framework.service.js';
import { parseFramework, serializeFramework } from './formats/index.js';
import { NATIONAL_FRAMEWORK_CODE } from './seed/national-framework.js';

/** `npm run cli -- framework <import|export|validate|convert> ...` */

const FORMAT_LIST = FRAMEWORK_FORMATS.join('|');

function asFormat(value: string | undefined, context: CliContext): FrameworkFormat | null {
  if (value && (FRAMEWORK_FORMATS as readonly string[]).includes(value)) return value as FrameworkFormat;
  context.err(`--format phải là một trong / must be one of: ${FORMAT_LIST}`);
  return null;
}

function report(issues: ImportIssue[], context: CliContext, write = context.err): void {
  for (const issue of issues) write(`  ${issue.location}: ${issue.message.vi} / ${issue.message.en}`);
}

/**
 * Every warning, never a sample: the count, then each line, or with --warnings FILE
 * the full list as a CSV (location, Vietnamese, English) and only the count here.
 */
function reportWarnings(warnings: ImportIssue[], context: CliContext, file: string | undefined): void {
  if (warnings.length === 0) return;
  if (file) {
    const lines = [csvLine(['location', 'vi', 'en']), ...warnings.map((w) => csvLine([w.location, w.message.vi, w.message.en]))];
    fs.writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n');
    context.out(`${warnings.length} cảnh báo, danh sách đầy đủ trong / warnings, full list in ${file}`);
    return;
  }
  context.out(`${warnings.length} cảnh báo / warnings:`);
  report(warnings, context, context.out);
}

function readInput(path: string | undefined, context: CliContext): Buffer | null {
  if (!path) {
    context.err('Thiếu tên tệp. / No file given.');
    return null;
  }
  try {
    return fs.readFileSync(path);
  } catch (error) {
    context.err(`Không đọc được ${path}: ${(error as Error).message}`);
    return null;
  }
}

/** The CLI acts as a named account so the audit trail says who imported. */
async function actorOf(db: Db, username: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.agency_id', 'a.name', 'a.path', 'u.person_id'])
    .where('u.username', '=', username)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    agencyId: row.agency_id,
    agencyName: row.name,
    agencyPath: row.path,
    personId: row.person_id,
  };
}

const importCommand: CliCommand = {
  summary: 'Import a framework file as a draft (all or nothing; errors listed row by row)',
  usage: `import --format ${FORMAT_LIST} FILE [--publish] [--as USERNAME] [--warnings WARNINGS.csv]`,
  async run(context) {
    const { values, positionals } = parseArgs({
      args: context.args,
      allowPositionals: true,
      options: { format: { type: 'string' }, publish: { type: 'boolean' }, as: { type: 'string', default: 'admin' }, warnings: { type: 'string' } },
    });
    const format = asFormat(values.format, context);
    const bytes = readInput(positionals[0], context);
    if (!format || !bytes) return 1;
    // Check the file before touching the database: a bad file never opens it.
    const parsed = await parseFramework(format, bytes);
    if (!parsed.ok) {
      context.err(`Tệp có ${parsed.issues.length} lỗi, không nhập gì. / The file has ${parsed.issues.length} error(s); nothing imported.`);
      report(parsed.issues, context);
      return 1;
    }
    const database = await context.openDatabase();
    try {
      const actor = await actorOf(database.db, values.as);
      if (!actor) {
        context.err(`Không có tài khoản "${values.as}". / No account "${values.as}" (use --as).`);
        return 1;
      }
      const outcome = await importFramework(database.db, actor, format, bytes, { publish: values.publish === true });
      context.out(
        `${parsed.document.code} v${outcome.versionNo} ${values.publish ? 'đã công bố / published' : 'bản nháp / draft'}: ${parsed.document.groups.length} nhóm / groups, ${parsed.document.competencies.length} năng lực / competencies, ${parsed.document.levels.length} mức / levels (${outcome.versionId})`,
      );
      reportWarnings(outcome.warnings, context, values.warnings);
      return 0;
    } catch (error) {
      if (error instanceof AppError && error.code === 'framework_invalid') {
        context.err('Không nhập gì. / Nothing imported.');
        report((error.details as { issues: ImportIssue[] }).issues, context);
        return 1;
      }
      if (error instanceof AppError) {
        context.err(`${error.code} ${JSON.stringify(error.details ?? '')}`);
        return 1;
      }
      throw error;
    } finally {
      await database.close();
    }
  },
};

const exportCommand: CliCommand = {
  summary: 'Export a framework version (default: the national framework, published version)',
  usage: `export --format ${FORMAT_LIST} --out FILE [--code CODE] [--version N]`,
  async run(context) {
    const { values } = parseArgs({
      args: context.args,
      options: { format: { type: 'string' }, out: { type: 'string' }, code: { type: 'string', default: NATIONAL_FRAMEWORK_CODE }, version: { type: 'string' } },
    });
    const format = asFormat(values.format, context);
    if (!format) return 1;
    if (!values.out) {
      context.err('Thiếu --out FILE. / --out FILE is required.');
      return 1;
    }
    const database = await context.openDatabase();
    try {
      const framework = await repo.findFrameworkByCode(database.db, values.code);
      const versions = framework ? await repo.listVersions(database.db, framework.id) : [];
      const wanted = values.version
        ? versions.find((v) => v.versionNo === Number(values.version))
        : (versions.find((v) => v.status === 'published') ?? versions[0]);
      if (!wanted) {
        context.err(`Không có khung năng lực "${values.code}"${values.version ? ` phiên bản ${values.version}` : ''}. / No such framework version.`);
        return 1;
      }
      const file = await serializeFramework(format, (await repo.loadDocument(database.db, wanted.id))!);
      fs.writeFileSync(values.out, file.body);
      context.out(`${wanted.code} v${wanted.versionNo} (${wanted.status}) → ${values.out} (${file.body.length} bytes)`);
      return 0;
    } finally {
      await database.close();
    }
  },
};

const validateCommand: CliCommand = {
  summary: 'Check a framework file without importing it',
  usage: `validate --format ${FORMAT_LIST} FILE [--warnings WARNINGS.csv]`,
  async run(context) {
    const { values, positionals } = parseArgs({
      args: context.args,
      allowPositionals: true,
      options: { format: { type: 'string' }, warnings: { type: 'string' } },
    });
    const format = asFormat(values.format, context);
    const bytes = readInput(positionals[0], context);
    if (!format || !bytes) return 1;
    const parsed = await parseFramework(format, bytes);
    if (!parsed.ok) {
      context.err(`${parsed.issues.length} lỗi / error(s):`);
      report(parsed.issues, context);
      return 1;
    }
    context.out(
      `Hợp lệ / valid: ${parsed.document.code}, ${parsed.document.groups.length} nhóm / groups, ${parsed.document.competencies.length} năng lực / competencies, ${parsed.document.levels.length} mức / levels`,
    );
    reportWarnings(parsed.warnings ?? [], context, values.warnings);
    return 0;
  },
};

const convertCommand: CliCommand = {
  summary: 'Convert a framework file from one format to another (no database)',
  usage: `convert --from ${FORMAT_LIST} --to ${FORMAT_LIST} FILE --out FILE`,
  async run(context) {
    const { values, positionals } = parseArgs({
      args: context.args,
      allowPositionals: true,
      options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
    });
    const from = asFormat(values.from, context);
    const to = asFormat(values.to, context);
    const bytes = readInput(positionals[0], context);
    if (!from || !to || !bytes || !values.out) return 1;
    const parsed = await parseFramework(from, bytes);
    if (!parsed.ok) {
      report(parsed.issues, context);
      return 1;
    }
    fs.writeFileSync(values.out, (await serializeFramework(to, parsed.document)).body);
    context.out(`→ ${values.out}`);
    return 0;
  },
};

export const frameworkCommands: CliModule = {
  import: importCommand,
  export: exportCommand,
  validate: validateCommand,
  convert: convertCommand,
};
