// Which failures count as "the database is unavailable" (503) rather than a bug (500).
// The HTTP behaviour is tested in db-restart and db-connection-loss; this is the table.
import { describe, expect, it } from 'vitest';
import { isConnectionError } from '../../src/platform/db/connection-errors.js';

const withCode = (code: string, extra: object = {}) => Object.assign(new Error(code), { code, ...extra });

describe('connection-class errors', () => {
  it.each([
    ['admin shutdown', withCode('57P01')],
    ['crash shutdown', withCode('57P02')],
    ['cannot connect now', withCode('57P03')],
    ['connection failure', withCode('08006')],
    ['connection does not exist', withCode('08003')],
    ['refused', withCode('ECONNREFUSED')],
    ['reset', withCode('ECONNRESET')],
    ['socket file gone', withCode('ENOENT', { syscall: 'connect' })],
    ['terminated', new Error('Connection terminated unexpectedly')],
    ['not queryable', new Error('Client has encountered a connection error and is not queryable')],
    ['connect timeout', new Error('timeout exceeded when trying to connect')],
    ['every address refused', Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), {})],
  ])('%s is a connection error', (_, err) => expect(isConnectionError(err)).toBe(true));

  it.each([
    ['unique violation', withCode('23505')],
    ['syntax error', withCode('42601')],
    ['query canceled', withCode('57014')],
    ['a missing file', withCode('ENOENT', { syscall: 'open' })],
    ['a bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('%s is not', (_, err) => expect(isConnectionError(err)).toBe(false));
});
