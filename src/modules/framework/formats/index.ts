import { canonicalFramework } from '../document.canonical.js';
import type { FrameworkDocument, FrameworkFormat, ParseResult } from '../document.js';
import type { ImportChoices } from '../import-choices.js';
import { serializeCase } from './case.js';
import { parseCase } from './case-parse.js';
import { checkCasePackage } from './case-schema.js';
import { parseDigComp, serializeDigComp } from './digcomp.js';
import { checkFileFormat } from './format-check.js';
import { serializeMoodleCsv } from './moodle-csv.js';
import { parseMoodleCsv } from './moodle-csv-parse.js';
import { parseXlsx, serializeXlsx } from './xlsx.js';

/** The four interchange formats behind one pair of functions, for the API and the CLI alike. */
export async function parseFramework(format: FrameworkFormat, bytes: Buffer, choices: ImportChoices = {}): Promise<ParseResult> {
  // Every importer (the upload route, the CLI) comes here: a file of another kind is named before a parser sees it.
  const wrongKind = await checkFileFormat(format, bytes);
  if (wrongKind) return { ok: false, issues: [wrongKind] };
  const result = await parseBy(format, bytes, choices);
  return result.ok ? { ...result, document: canonicalFramework(result.document) } : result;
}

// Only CASE packages can lack groups or a scale: the other formats always carry both.
function parseBy(format: FrameworkFormat, bytes: Buffer, choices: ImportChoices): ParseResult | Promise<ParseResult> {
  switch (format) {
    case 'moodle-csv':
      return parseMoodleCsv(bytes);
    case 'case':
      return parseCase(bytes, choices);
    case 'digcomp':
      return parseDigComp(bytes);
    case 'xlsx':
      return parseXlsx(bytes);
  }
}

export interface ExportedFile {
  body: Buffer;
  contentType: string;
  extension: string;
}

export async function serializeFramework(format: FrameworkFormat, doc: FrameworkDocument): Promise<ExportedFile> {
  const canonical = canonicalFramework(doc);
  switch (format) {
    case 'moodle-csv':
      // A BOM so Excel opens the Vietnamese text as UTF-8.
      return { body: Buffer.from('\uFEFF' + serializeMoodleCsv(canonical), 'utf8'), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
    case 'case': {
      const pkg = serializeCase(canonical);
      const check = checkCasePackage(pkg, true);
      // An export that breaks the official schema is a bug of ours, not a user error.
      if (check.errors.length > 0) throw new Error(`CASE export does not validate: ${JSON.stringify(check.errors.slice(0, 3))}`);
      return { body: Buffer.from(JSON.stringify(pkg, null, 2), 'utf8'), contentType: 'application/json; charset=utf-8', extension: 'json' };
    }
    case 'digcomp':
      return {
        body: Buffer.from(JSON.stringify(serializeDigComp(canonical), null, 2), 'utf8'),
        contentType: 'application/ld+json; charset=utf-8',
        extension: 'jsonld',
      };
    case 'xlsx':
      return { body: await serializeXlsx(canonical), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
  }
}
