import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validationDetails } from './validation-details.js';

/** Zod's issues in the shape fastify-type-provider-zod passes to the error handler. */
function issuesOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return result.error.issues.map(({ code, path, message, ...params }) => ({ keyword: code, instancePath: `/${path.join('/')}`, message, params }));
}

const position = z.strictObject({
  code: z.string().trim().min(1).max(20),
  username: z.string().regex(/^[a-z0-9._-]+$/),
  seats: z.number().int().max(500),
  tags: z.array(z.string()).max(2),
  kind: z.enum(['a', 'b']),
  nested: z.object({ title: z.string() }),
});

describe('validationDetails', () => {
  const issues = issuesOf(position, { code: 'X'.repeat(21), username: 'có dấu cách', seats: 501, tags: ['a', 'b', 'c'], kind: 'c', nested: {} });

  it('names every field and states the limit in the caller’s language', () => {
    expect(validationDetails(issues, 'body', 'vi')).toEqual([
      { in: 'body', path: 'code', message: 'tối đa 20 ký tự', issue: 'too_long', limit: 20 },
      { in: 'body', path: 'username', message: 'sai định dạng', issue: 'format' },
      { in: 'body', path: 'seats', message: 'tối đa 500', issue: 'too_big', limit: 500 },
      { in: 'body', path: 'tags', message: 'tối đa 2 mục', issue: 'too_many', limit: 2 },
      { in: 'body', path: 'kind', message: 'không nằm trong các lựa chọn cho phép', issue: 'choice' },
      { in: 'body', path: 'nested.title', message: 'bắt buộc', issue: 'required' },
    ]);
    expect(validationDetails(issues, 'body', 'en')[0]!.message).toBe('at most 20 characters');
  });

  it('says an empty required text is empty, and keeps the app’s own checks’ words', () => {
    expect(validationDetails(issuesOf(position.shape.code, '  '), 'body', 'vi')[0]).toMatchObject({ message: 'không được để trống', issue: 'too_short' });
    const custom = issuesOf(
      z.string().refine(() => false, { message: 'contains a NUL character' }),
      'x',
    );
    expect(validationDetails(custom, 'query', 'vi')).toEqual([{ in: 'query', path: '', message: 'contains a NUL character' }]);
  });
});
