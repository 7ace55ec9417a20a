/**
 * A value that a message echoes is cut to a readable length: a 10 MB model name in a backup gives
 * a short error line, not a 20 MB one. On both backends.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from '../helpers/cli.js';

const BACKENDS = ['better-sqlite3', 'sql.js'] as const;
const HUGE = 10 * 1024 * 1024;

const cwd = temporaryFolder();
beforeAll(() => {
  writeFileSync(join(cwd, 'model.json'), JSON.stringify([{ model: 'x'.repeat(HUGE), pk: 1, fields: {} }]));
  const option = { key: 'k', last_updated: 'y'.repeat(HUGE), last_updated_by: 'unknown', value: '1' };
  writeFileSync(join(cwd, 'value.json'), JSON.stringify([{ model: 'sentry.controloption', pk: 1, fields: option }]));
});

describe.each(BACKENDS)('%s: oversized values in messages', (backend) => {
  it('cuts a 10 MB model name in an import error', () => {
    const result = runCli(['import', 'users', 'model.json', '--db', `model-${backend}.sqlite`, '--backend', backend], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr.length).toBeLessThan(500);
    expect(result.stderr).toBe(`Error: Import failed at ${'x'.repeat(80)}… (${HUGE - 80} more characters) (pk 1, line 1): `
      + `unknown model "${'x'.repeat(80)}… (${HUGE - 80} more characters)": not a Sentry model name (expected "app_label.model", such as "sentry.user") [UnknownModel]\n`
      + 'Hint: relocate check model.json lists every problem of the file at once, and what an import would do with each.\n');
  });

  it('cuts a 10 MB field value in an import error', () => {
    const result = runCli(['import', 'config', 'value.json', '--db', `value-${backend}.sqlite`, '--backend', backend], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr.length).toBeLessThan(500);
    expect(result.stderr).toContain(`Expected an ISO 8601 datetime, got "${'y'.repeat(80)}… (${HUGE - 80} more characters)"`);
  });
});

describe('oversized values in diagnostics', () => {
  it('cuts a 10 MB model name that compare leaves out', () => {
    writeFileSync(join(cwd, 'empty.json'), '[]');
    const result = runCli(['backup', 'compare', 'model.json', 'empty.json', '--across-versions'], cwd);
    expect(result.stderr).toBe(`Left out (not a model of this registry): ${'x'.repeat(80)}… (${HUGE - 80} more characters), 1 left and 0 right rows\n`);
  });
});
