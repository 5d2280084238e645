import { describe, expect, it } from 'vitest';
import { diffRecords, formatAuditValue, sameJson } from '../../web/src/modules/audit/auditDiff.js';

describe('diffRecords', () => {
  it('marks every field added when a record is created', () => {
    expect(diffRecords(null, { name: 'Sở Nội vụ', level: 2 })).toEqual([
      { field: 'name', kind: 'added', before: undefined, after: 'Sở Nội vụ' },
      { field: 'level', kind: 'added', before: undefined, after: 2 },
    ]);
  });

  it('marks every field removed when a record is deleted', () => {
    expect(diffRecords({ name: 'Xã cũ' }, null)).toEqual([{ field: 'name', kind: 'removed', before: 'Xã cũ', after: undefined }]);
  });

  it('tells changed fields from unchanged ones on an update', () => {
    const rows = diffRecords(
      { name: 'Phường A', validTo: null, tags: ['x'], meta: { a: 1, b: 2 } },
      { name: 'Phường B', validTo: null, tags: ['x'], meta: { b: 2, a: 1 }, mergedInto: 7 },
    );
    expect(rows.map((row) => [row.field, row.kind])).toEqual([
      ['name', 'changed'],
      ['validTo', 'unchanged'],
      ['tags', 'unchanged'],
      ['meta', 'unchanged'],
      ['mergedInto', 'added'],
    ]);
  });

  it('lists a field dropped by an update as removed', () => {
    expect(diffRecords({ a: 1, note: 'x' }, { a: 1 }).find((row) => row.field === 'note')?.kind).toBe('removed');
  });

  it('returns nothing when there is no snapshot at all', () => {
    expect(diffRecords(null, null)).toEqual([]);
  });

  it('compares non-object snapshots whole', () => {
    expect(diffRecords('draft', 'published')).toEqual([{ field: '', kind: 'changed', before: 'draft', after: 'published' }]);
  });
});

describe('sameJson', () => {
  it('treats arrays by order and objects regardless of key order', () => {
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameJson(0, null)).toBe(false);
  });
});

describe('formatAuditValue', () => {
  it('shows scalars plainly and objects as indented JSON', () => {
    expect(formatAuditValue(null)).toBe('');
    expect(formatAuditValue('Hà Nội')).toBe('Hà Nội');
    expect(formatAuditValue(false)).toBe('false');
    expect(formatAuditValue({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
