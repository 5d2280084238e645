import { describe, expect, it } from 'vitest';
import { ERASED_MARK, scrubValue } from './audit-scrub.js';

describe('scrubbing a before/after value', () => {
  it('blanks personal keys and any string holding a personal value, keeping ids and the rest', () => {
    const value = {
      candidateId: 'c1',
      fullName: 'Trần Văn Ba',
      contact: { mail: 'ba@example.vn', note: 'gọi cho Trần Văn Ba sau 5 giờ' },
      list: ['x', 'BA@EXAMPLE.VN'],
      address: '10.0.0.1',
      count: 3,
    };
    expect(scrubValue(value, ['Trần Văn Ba', 'ba@example.vn'])).toEqual({
      candidateId: 'c1',
      fullName: ERASED_MARK,
      contact: { mail: ERASED_MARK, note: ERASED_MARK },
      list: ['x', ERASED_MARK],
      address: ERASED_MARK,
      count: 3,
    });
  });
  it('ignores values too short to be personal', () => {
    expect(scrubValue({ status: 'ok' }, ['', 'ok'])).toEqual({ status: 'ok' });
  });
});
