/**
 * Files nested deeper than Python's json can load (core/json/nesting.ts) are refused by every
 * command with one located line and exit 2, never a stack overflow (exit 70); files nested exactly
 * to the limit go through import, export, compare and sanitize.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH } from '../../src/core/json/nesting.js';
import { runCli, temporaryFolder } from '../helpers/cli.js';

const BACKENDS = ['better-sqlite3', 'sql.js'] as const;
const cwd = temporaryFolder();
const brackets = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
/** An option whose value makes the file `total` levels deep (the file's array, the object, its fields). */
const option = (total: number): string =>
  `[\n  {"model": "sentry.option", "pk": 1, "fields": {"key": "k", "last_updated": "2024-01-01T00:00:00.000Z", "last_updated_by": "unknown", "value": ${brackets(total - 3)}}}\n]\n`;
const TOO_DEEP = `nested deeper than ${MAX_NESTING_DEPTH} levels`;

beforeAll(() => {
  writeFileSync(join(cwd, 'deep-pk.json'), `[\n{"model": "sentry.user", "pk": ${brackets(100_000)}, "fields": {}}\n]\n`);
  writeFileSync(join(cwd, 'deep-5000.json'), option(5003));
  writeFileSync(join(cwd, 'at-limit.json'), option(MAX_NESTING_DEPTH));
});

describe.each(BACKENDS)('deep nesting on import (%s)', (backend) => {
  const cli = (...args: string[]) => runCli(['--backend', backend, ...args], cwd);

  it('refuses a pk nested 100,000 deep with one located line, and leaves no database behind', () => {
    const result = cli('import', 'global', 'deep-pk.json', '--db', `pk-${backend}.sqlite`, '--no-prompt');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^Error: Import failed at sentry\\.user \\(line 2\\): .*${TOO_DEEP}.* \\[DeserializationFailed\\]\\nHint: relocate check [^\\n]* lists every problem of the file at once[^\\n]*\\n$`));
    expect(existsSync(join(cwd, `pk-${backend}.sqlite`))).toBe(false);
  });

  it('imports and exports a value nested exactly to the limit', () => {
    const db = `limit-${backend}.sqlite`;
    const imported = cli('import', 'global', 'at-limit.json', '--db', db, '--no-prompt', '--silent');
    expect(imported.code, imported.stderr).toBe(0);
    const exported = cli('export', 'global', `limit-${backend}.json`, '--db', db, '--silent');
    expect(exported.code, exported.stderr).toBe(0);
    const compared = runCli(['backup', 'compare', 'at-limit.json', `limit-${backend}.json`, '--across-versions'], cwd);
    expect(compared.code, compared.stderr).toBe(0);
  });
});

describe('deep nesting in compare and sanitize', () => {
  it('backup compare refuses a side nested too deep, naming the side, line and model', () => {
    const result = runCli(['backup', 'compare', 'deep-5000.json', 'at-limit.json'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^Error: Invalid left JSON at line 2: sentry\\.option: .*${TOO_DEEP}.* \\[DeserializationFailed\\]\\n$`));
  });

  it('backup sanitize refuses a file nested too deep, and writes nothing', () => {
    const result = runCli(['backup', 'sanitize', 'sanitized.json', '--src', 'deep-5000.json'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^Error: .*sentry\\.option.*${TOO_DEEP}.*\\n$`));
    expect(existsSync(join(cwd, 'sanitized.json'))).toBe(false);
  });

  it('compare and sanitize take a file nested exactly to the limit', () => {
    expect(runCli(['backup', 'compare', 'at-limit.json', 'at-limit.json'], cwd).code).toBe(0);
    const sanitized = runCli(['backup', 'sanitize', 'sanitized-limit.json', '--src', 'at-limit.json'], cwd);
    expect(sanitized.code, sanitized.stderr).toBe(0);
  });
});
