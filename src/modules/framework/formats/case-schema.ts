import { createRequire } from 'node:module';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ImportIssue } from '../document.js';
import { issue } from '../document.validate.js';

// The official 1EdTech CASE 1.1 CFPackage JSON schema, copied unmodified from
// /work/shared/data/frameworks/case (1EdTech, Apache-2.0; see case-schema/ATTRIBUTION.md).
const require = createRequire(import.meta.url);
const schema = require('./case-schema/case_v1p1_cfpackage.official.schema.json') as object;

let validator: ValidateFunction | null = null;

// ajv and ajv-formats are CommonJS modules whose default export arrives wrapped under NodeNext.
type AjvConstructor = new (options: object) => { compile(schema: object): ValidateFunction };
type AddFormats = (ajv: unknown) => unknown;

function compiled(): ValidateFunction {
  if (!validator) {
    const ajvModule = Ajv2019 as unknown as { default?: AjvConstructor } & AjvConstructor;
    const AjvClass: AjvConstructor = ajvModule.default ?? ajvModule;
    const ajv = new AjvClass({ allErrors: true, strict: false });
    const formatsModule = addFormats as unknown as { default?: AddFormats } & AddFormats;
    (formatsModule.default ?? formatsModule)(ajv);
    validator = ajv.compile(schema);
  }
  return validator;
}

/** "/CFItems/3/fullStatement" → "CFItems[3].fullStatement": the path as a reader of the JSON says it. */
export function jsonPath(pointer: string): string {
  if (!pointer) return '(root)';
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

/**
 * Published packages deviate from the schema in harmless ways (the OpenSALT
 * sample carries CASE 1.0 fields such as CFDocumentURI, local times without a
 * zone, sequence numbers as strings, and null descriptions in definitions we do
 * not read). Those are tolerated and reported as warnings; anything that would
 * change the meaning of the framework is an error.
 */
function isTolerated(error: ErrorObject, data: unknown): boolean {
  if (error.keyword === 'additionalProperties') return true;
  if (error.instancePath.startsWith('/CFDefinitions')) return true;
  if (error.keyword === 'format' && ['date-time', 'date'].includes(String(error.params['format']))) return true;
  if (error.keyword === 'type' && /\/(sequenceNumber|position)$/.test(error.instancePath)) {
    return /^\d+$/.test(String(valueAt(data, error.instancePath)));
  }
  return false;
}

function valueAt(data: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

function describe(error: ErrorObject): ImportIssue {
  const where = jsonPath(error.instancePath);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return issue(where, `Thiếu trường bắt buộc "${String(p['missingProperty'])}".`, `Required property "${String(p['missingProperty'])}" is missing.`);
    case 'type':
      return issue(where, `Sai kiểu dữ liệu, cần ${String(p['type'])}.`, `Wrong type, expected ${String(p['type'])}.`);
    case 'format':
      return issue(where, `Sai định dạng, cần ${String(p['format'])}.`, `Wrong format, expected ${String(p['format'])}.`);
    case 'additionalProperties':
      return issue(
        where,
        `Trường "${String(p['additionalProperty'])}" không thuộc CASE 1.1.`,
        `Property "${String(p['additionalProperty'])}" is not part of CASE 1.1.`,
      );
    default:
      return issue(
        where,
        `Không đúng lược đồ CASE 1.1: ${error.message ?? error.keyword}.`,
        `Does not match the CASE 1.1 schema: ${error.message ?? error.keyword}.`,
      );
  }
}

export interface SchemaCheck {
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export function checkCasePackage(data: unknown, strict = false): SchemaCheck {
  const validate = compiled();
  if (validate(data)) return { errors: [], warnings: [] };
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  for (const error of validate.errors ?? []) {
    // oneOf reports its failing branches separately; the branch errors say what is wrong.
    if (error.keyword === 'oneOf') continue;
    (!strict && isTolerated(error, data) ? warnings : errors).push(describe(error));
  }
  return { errors, warnings };
}
