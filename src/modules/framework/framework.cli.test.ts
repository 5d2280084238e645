import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli.js';

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
});
