import { cleanText, type CaseAssociation, type CaseIdentity, type CaseNodeLink, type ImportIssue } from '../document.js';
import { issue } from '../document.validate.js';

/**
 * The names a CASE package gives its nodes and associations, read as found:
 * they are what other systems point at, so they are kept, not re-minted.
 */
type Json = Record<string, unknown>;
const asObject = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown) => (typeof v === 'string' ? v.normalize('NFC').trim() : '');

/** Limits of what is stored per identifier and URI (the columns are text; these keep a hostile file small). */
export const MAX_CASE_IDENTIFIER = 200;
export const MAX_CASE_URI = 2_000;

export function readNodeIdentity(item: Json): CaseIdentity {
  const itemType = cleanText(item['CFItemType']);
  return { identifier: text(item['identifier']), uri: text(item['uri']), ...(itemType ? { itemType } : {}) };
}

function link(value: unknown): CaseNodeLink {
  const o = asObject(value);
  return { identifier: text(o['identifier']), uri: text(o['uri']), title: cleanText(o['title']) };
}

export function readAssociations(pkg: Json): CaseAssociation[] {
  return asArray(pkg['CFAssociations'])
    .map(asObject)
    .map((a) => {
      const sequence = a['sequenceNumber'];
      const number = typeof sequence === 'number' ? sequence : typeof sequence === 'string' && /^\d+$/.test(sequence) ? Number(sequence) : null;
      return {
        identifier: text(a['identifier']),
        uri: text(a['uri']),
        type: text(a['associationType']),
        origin: link(a['originNodeURI']),
        destination: link(a['destinationNodeURI']),
        sequenceNumber: number !== null && Number.isSafeInteger(number) ? number : null,
      };
    });
}

const broken = (v: string) => v.includes('\0') || /\p{Cs}/u.test(v);

/** Identifiers and URIs the database can hold: no NUL or broken Unicode, within the limits. */
export function storableIdentityIssues(pkg: Json): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const check = (where: string, node: Json) => {
    for (const [field, max] of [
      ['identifier', MAX_CASE_IDENTIFIER],
      ['uri', MAX_CASE_URI],
      ['title', MAX_CASE_URI],
      ['associationType', MAX_CASE_IDENTIFIER],
      ['CFItemType', MAX_CASE_IDENTIFIER],
      ['language', MAX_CASE_IDENTIFIER],
      ['creator', MAX_CASE_URI],
    ] as const) {
      const value = node[field];
      if (typeof value !== 'string') continue;
      if (broken(value))
        issues.push(
          issue(`${where}.${field}`, 'Có ký tự không hợp lệ (NUL hoặc mã Unicode hỏng).', 'Contains an invalid character (a NUL or broken Unicode).'),
        );
      else if (value.length > max) issues.push(issue(`${where}.${field}`, `Dài quá ${max} ký tự.`, `Longer than ${max} characters.`));
    }
  };
  check('CFDocument', asObject(pkg['CFDocument']));
  asArray(pkg['CFItems']).forEach((item, i) => check(`CFItems[${i}]`, asObject(item)));
  asArray(pkg['CFAssociations']).forEach((value, i) => {
    const a = asObject(value);
    check(`CFAssociations[${i}]`, a);
    check(`CFAssociations[${i}].originNodeURI`, asObject(a['originNodeURI']));
    check(`CFAssociations[${i}].destinationNodeURI`, asObject(a['destinationNodeURI']));
  });
  return issues;
}
