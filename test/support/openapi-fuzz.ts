import fc from 'fast-check';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Bad requests generated from a route's OpenAPI description (issue 12): junk of
 * every kind, and "almost valid" bodies and queries — the declared shape with
 * exactly one thing wrong — so the fuzzing reaches past the validators into
 * the handlers. Every generated request is meant to be refused; `broken` says
 * which part was made wrong, for the report.
 */

/** The slice of an OpenAPI 3.0 schema (as @fastify/swagger writes zod's) the generator reads. */
export interface Schema {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  format?: string;
  pattern?: string;
  default?: unknown;
}

export interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  /** OpenAPI path, `{param}` style. */
  path: string;
  params: Parameter[];
  query: Parameter[];
  body?: Schema;
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What was made wrong (for the failure report). */
  broken: string;
}

/** Ids read from the demo's data, so path params and uuid fields also name records that exist. */
export interface IdPool {
  ids: string[];
}

const MB = 1024 * 1024;
export const ONE_MB_STRING = 'a'.repeat(MB);
/** 10,000 nested arrays: more than any schema or walker should ever recurse through. */
export const DEEP_JSON = '['.repeat(10_000) + ']'.repeat(10_000);

const typesOf = (s: Schema): string[] => {
  if (s.enum) return [...new Set(s.enum.map((v) => (v === null ? 'null' : typeof v)))];
  const types = s.type === undefined ? [] : [s.type].flat();
  return s.nullable ? [...types, 'null'] : types;
};

const jsonTypeOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;

const safeRegex = (pattern: string): RegExp | null => {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return null;
  }
};

const isoDay = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A value the schema accepts (most of the time: generated text may still miss a trim or a refinement). */
/** `full`: every optional field present too, so each can be broken in turn. */
export function validValue(schema: Schema, pool: IdPool, depth = 0, full = false): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((v) => validValue(v, pool, depth, full)));
  if (schema.allOf?.length) return validValue(schema.allOf[0]!, pool, depth, full);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const nonNull = (): fc.Arbitrary<unknown> => {
    const type = [schema.type ?? 'string'].flat().find((t) => t !== 'null') ?? 'string';
    switch (type) {
      case 'string':
        return validString(schema, pool);
      case 'integer':
        return fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e9), max: Math.min(schema.maximum ?? 1000, 1e9) });
      case 'number': {
        const min = schema.minimum ?? -1000;
        return fc.double({
          min: typeof schema.exclusiveMinimum === 'boolean' && schema.exclusiveMinimum ? min + 0.01 : min,
          max: Math.min(schema.maximum ?? 1000, 1e9),
          noNaN: true,
          noDefaultInfinity: true,
        });
      }
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const minLength = schema.minItems ?? 0;
        return fc.array(schema.items ? validValue(schema.items, pool, depth + 1, full) : fc.string(), {
          minLength,
          maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)),
        });
      }
      case 'object': {
        const props = schema.properties ?? {};
        if (depth > 6) return fc.constant({});
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, child] of Object.entries(props)) model[key] = validValue(child, pool, depth + 1, full);
        return fc.record(model, { requiredKeys: full ? Object.keys(props) : (schema.required ?? []).filter((k) => k in props) });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  };
  return schema.nullable && !full ? fc.oneof({ arbitrary: nonNull(), weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }) : nonNull();
}

function validString(schema: Schema, pool: IdPool): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 30, 30));
  switch (schema.format) {
    case 'uuid':
      return pool.ids.length > 0
        ? fc.oneof({ arbitrary: fc.constantFrom(...pool.ids), weight: 3 }, { arbitrary: fc.uuid({ version: 4 }), weight: 1 })
        : fc.uuid({ version: 4 });
    case 'date':
      return isoDay;
    case 'date-time':
      return isoDay.map((d) => `${d}T08:00:00Z`);
    case 'email':
      return fc.constantFrom('nguyen.van.a@example.vn', 'tran.b@hanoi.gov.vn');
    case 'uri':
      return fc.constantFrom('https://example.vn/minh-chung', 'http://example.vn/a?b=c');
  }
  const regex = schema.pattern ? safeRegex(schema.pattern) : null;
  if (regex) {
    try {
      return fc.stringMatching(regex).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
    } catch {
      // a pattern fast-check cannot generate from: plain text below
    }
  }
  return fc.string({
    minLength: Math.max(minLength, 1),
    maxLength: Math.max(maxLength, 1),
    unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĐ0123456789 -_.'),
  });
}

/** Values the schema certainly refuses (wrong type, out of range, bad text, impossible date, not a uuid…). */
export function badValues(schema: Schema): unknown[] {
  // The type's own wrongs first (an impossible date, a non-uuid, out of range), then bad text, then wrong types.
  const out: unknown[] = [];
  const variants = schema.anyOf ?? schema.oneOf;
  const allowed = variants ? variants.flatMap(typesOf) : typesOf(schema);
  const allows = (t: string) => allowed.length === 0 || allowed.includes(t) || (t === 'integer' && allowed.includes('number'));
  if (schema.enum) out.push('not-one-of-them');
  if (allowed.includes('string') && !schema.enum) {
    if (schema.format === 'date') out.push(' ', 'x', '2025-02-30', '2023-02-29', '2025-13-01', '0000-01-01', '20250101');
    if (schema.format === 'uuid') out.push('x', "1' OR '1'='1", '00000000-0000-0000-0000-00000000000g', '123', '');
    if (schema.format === 'email') out.push('not an email');
    if (schema.maxLength !== undefined) out.push('x'.repeat(schema.maxLength + 1));
    if (schema.minLength) out.push('');
  }
  if (allowed.includes('integer') || allowed.includes('number')) {
    if (allowed.includes('integer') && !allowed.includes('number')) out.push(2.5);
    if (schema.maximum !== undefined) out.push(schema.maximum + 1, 1e300);
    if (schema.minimum !== undefined) out.push(schema.minimum - 1, -1e300);
  }
  if (allowed.includes('array')) {
    if (schema.maxItems !== undefined && schema.maxItems <= 20) out.push(Array.from({ length: schema.maxItems + 1 }, () => null));
    out.push(JSON.parse(DEEP_JSON.slice(0, 200) + DEEP_JSON.slice(-200)));
  }
  out.push('\u0000', 'a\u0000b', 'x\ud800y');
  for (const wrong of [42, 1.5, true, 'text', {}, [], null] as unknown[]) {
    if (schema.enum ? !schema.enum.includes(wrong) : !allows(jsonTypeOf(wrong))) out.push(wrong);
  }
  if (allowed.includes('string')) out.push(ONE_MB_STRING);
  return out;
}

/** Where a valid value can be made wrong: the value itself, a property, or an array element. */
interface Spot {
  path: Array<string | number>;
  schema: Schema;
  /** The enclosing object's schema, for "drop a required field" and "add an unknown one". */
  kind: 'value' | 'object';
}

function spotsOf(value: unknown, schema: Schema, path: Array<string | number> = [], out: Spot[] = []): Spot[] {
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  const s = variant && value !== null ? ((schema.anyOf ?? schema.oneOf)!.find((v) => typesOf(v).includes(jsonTypeOf(value))) ?? variant) : schema;
  out.push({ path, schema: s, kind: 'value' });
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    out.push({ path, schema: s, kind: 'object' });
    for (const [key, child] of Object.entries(value)) {
      const childSchema = s.properties?.[key];
      if (childSchema) spotsOf(child, childSchema, [...path, key], out);
    }
  } else if (Array.isArray(value) && s.items) {
    value.forEach((child, i) => spotsOf(child, s.items!, [...path, i], out));
  }
  return out;
}

const setAt = (root: unknown, path: Array<string | number>, value: unknown): unknown => {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
};
const getAt = (root: unknown, path: Array<string | number>): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);

/** Every way to make a valid value wrong in exactly one place, with the place and a word on what. */
export function brokenVariants(schema: Schema, valid: unknown): Array<{ value: unknown; broken: string; where: string }> {
  const out: Array<{ value: unknown; broken: string; where: string }> = [];
  for (const spot of spotsOf(valid, schema)) {
    const where = spot.path.join('.') || '(root)';
    if (spot.kind === 'object') {
      const obj = getAt(valid, spot.path) as Record<string, unknown>;
      if (spot.schema.additionalProperties === false)
        out.push({ value: setAt(valid, spot.path, { ...obj, unknownField: 1 }), broken: `unknown field at ${where}`, where });
      for (const key of spot.schema.required ?? []) {
        if (!(key in obj)) continue;
        const { [key]: _dropped, ...rest } = obj;
        out.push({ value: setAt(valid, spot.path, rest), broken: `missing ${[...spot.path, key].join('.')}`, where });
      }
    } else {
      for (const bad of badValues(spot.schema)) out.push({ value: setAt(valid, spot.path, bad), broken: `${where} = ${preview(bad)}`, where });
    }
  }
  return out;
}

/** The schema's shape with exactly one thing wrong (any place, any way), or null when nothing can be. */
export function almostValid(schema: Schema, pool: IdPool): fc.Arbitrary<{ value: unknown; broken: string } | null> {
  return fc.tuple(validValue(schema, pool), fc.nat()).map(([valid, pick]) => {
    const variants = brokenVariants(schema, valid);
    return variants.length ? variants[pick % variants.length]! : null;
  });
}

/** At most `max` of a list of variants, taken in turns from each place so every place is broken at least once when it can be. */
export function spreadOver<T extends { where: string }>(variants: T[], max: number): T[] {
  const byPlace = new Map<string, T[]>();
  for (const v of variants) byPlace.set(v.where, [...(byPlace.get(v.where) ?? []), v]);
  const out: T[] = [];
  const lists = [...byPlace.values()];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  // Each place starts at a different kind of wrong, so a few rounds already cover every kind.
  for (let round = 0; round < longest && out.length < max; round++) {
    lists.forEach((list, k) => {
      if (round < list.length && out.length < max) out.push(list[(round + k) % list.length]!);
    });
  }
  return out;
}

export const preview = (v: unknown): string => {
  const text = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return text.length > 60 ? `${text.slice(0, 40)}… (${text.length} chars)` : text;
};

/** A path param's bad forms, as they are written into the URL (some deliberately not %-encoded). */
export const BAD_PATH_SEGMENTS = [
  'x',
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%zz',
  'Nguy%E1%BB%85n',
  '00000000-0000-0000-0000-00000000000g',
  '1%27%20OR%20%271%27%3D%271',
  '..',
  'a'.repeat(200),
  '-1',
  '1e9',
  'null',
  '%20',
];

/** Whole-body junk for a JSON route: wrong JSON, deep JSON, 1 MB, empty. */
export const JUNK_BODIES = [
  { payload: '{"a":', broken: 'truncated JSON' },
  { payload: '', broken: 'empty JSON body' },
  { payload: DEEP_JSON, broken: '10,000 nested arrays' },
  { payload: JSON.stringify({ x: ONE_MB_STRING }), broken: '1 MB body' },
  { payload: '"\\u0000"', broken: 'a NUL string as the body' },
  { payload: '{"__proto__":{"admin":true}}', broken: 'prototype pollution' },
];
const ajv = new Ajv({ strict: false, validateSchema: false });
addFormats.default(ajv);

/**
 * Whether a generated body happens to be a valid one for the route (random
 * JSON `{}` for a body whose fields are all optional): then it is not bad
 * input, and the route rightly accepts it.
 */
export function satisfies(schema: Schema, payload: string): boolean {
  try {
    return ajv.validate(schema, JSON.parse(payload) as unknown);
  } catch {
    return false;
  }
}

export const junkJsonBody = fc.oneof(
  fc.constantFrom(...JUNK_BODIES),
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ payload: JSON.stringify(v) ?? 'null', broken: `random JSON ${preview(v)}` })),
);

/** Broken files for upload routes: random bytes, a truncated xlsx (zip), a zip header alone, nothing. */
export function brokenFile(xlsx: Buffer): fc.Arbitrary<{ payload: Buffer; broken: string }> {
  return fc.oneof(
    fc
      .uint8Array({ minLength: 1, maxLength: 4096 })
      .map((b) => ({ payload: Buffer.concat([Buffer.from([0xff, 0xfe, 0x00]), Buffer.from(b)]), broken: `random bytes (${b.length + 3})` })),
    fc
      .integer({ min: 1, max: Math.max(1, xlsx.length - 1) })
      .map((n) => ({ payload: xlsx.subarray(0, n), broken: `xlsx truncated at ${n} of ${xlsx.length} bytes` })),
    fc.constantFrom(...fixedBrokenFiles(xlsx)),
  );
}

/** The broken files every upload route gets at least once. */
export function fixedBrokenFiles(xlsx: Buffer): Array<{ payload: Buffer; broken: string }> {
  return [
    { payload: Buffer.from('PK\u0003\u0004'), broken: 'zip header only' },
    { payload: Buffer.alloc(0), broken: 'empty file' },
    { payload: xlsx.subarray(0, Math.floor(xlsx.length / 2)), broken: 'xlsx cut in half' },
    { payload: Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00, 0x00, 0x41]), broken: 'bytes that are not UTF-8' },
  ];
}
