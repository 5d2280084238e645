import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli.js';
import { frameworkCommands } from './framework.cli.js';
import { serializeFramework } from './formats/index.js';
import { nationalFramework } from './seed/national-framework.js';

const SHARED = new URL('../../../../shared/data/frameworks/', import.meta.url);

describe('framework CLI (commands without a database)', () => {
  it('validates a good file and refuses a bad one with exit code 1', async () => {
    const file = new URL('digcomp/DigComp_3.0_Data_Supplement_2025-11-24.jsonld', SHARED).pathname;
    expect(await runCli(['framework', 'validate', '--format', 'digcomp', file])).toBe(0);
    const bad = path.join(os.tmpdir(), `nangluc-bad-${process.pid}.csv`);
    fs.writeFileSync(bad, 'a,b\n1,2\n');
    expect(await runCli(['framework', 'validate', '--format', 'moodle-csv', bad])).toBe(1);
    expect(await runCli(['framework', 'validate', '--format', 'nope', bad])).toBe(1);
    expect(await runCli(['framework', 'nothing'])).toBe(1);
  });

  it('converts between formats', async () => {
    const out = path.join(os.tmpdir(), `nangluc-case-${process.pid}.json`);
    const file = new URL('digcomp/DigComp_3.0_Data_Supplement_2025-11-24.jsonld', SHARED).pathname;
    expect(await runCli(['framework', 'convert', '--from', 'digcomp', '--to', 'case', file, '--out', out])).toBe(0);
    expect(await runCli(['framework', 'validate', '--format', 'case', out])).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).CFItems).toHaveLength(26);
  });

  it('shows every warning: all lines, or the count and the full list in a file', async () => {
    // Every competency row of the national framework gets a cross-reference NangLuc does not keep.
    const csv = (await serializeFramework('moodle-csv', nationalFramework())).body.toString('utf8').split('\r\n');
    const withRefs = csv.map((line, i) => (i > 1 && line ? line.replace(/,,(\d+),,$/, ',OTHER,$1,,') : line));
    const rows = withRefs.filter((l) => l.includes(',OTHER,')).length;
    expect(rows).toBeGreaterThan(20);
    const file = path.join(os.tmpdir(), `nangluc-refs-${process.pid}.csv`);
    fs.writeFileSync(file, withRefs.join('\r\n'));
    const lines: string[] = [];
    const context = {
      args: ['--format', 'moodle-csv', file],
      out: (l: string) => lines.push(l),
      err: (l: string) => lines.push(l),
      openDatabase: () => Promise.reject(new Error('no database')),
    };
    expect(await frameworkCommands.validate!.run(context)).toBe(0);
    expect(lines).toContain(`${rows} cảnh báo / warnings:`);
    expect(lines.filter((l) => l.includes('OTHER'))).toHaveLength(rows);
    const list = path.join(os.tmpdir(), `nangluc-warnings-${process.pid}.csv`);
    lines.length = 0;
    expect(await frameworkCommands.validate!.run({ ...context, args: [...context.args, '--warnings', list] })).toBe(0);
    expect(lines.some((l) => l.startsWith(`${rows} cảnh báo`) && l.includes(list))).toBe(true);
    expect(fs.readFileSync(list, 'utf8').trim().split('\r\n')).toHaveLength(rows + 1);
  });
});
