/**
 * `relocate check` and `relocate repair` as a user runs them: Sentry's exhaustive export with
 * Sentry's progress lines around it; the grouped report, `--json`'s one document, exit codes
 * (0 clean, 1 errors or with --strict notes, 2 unreadable), `--db` against a database, repair's
 * DEST written only on success (plain or encrypted) with its report, and every refusal one
 * `Error:` line naming the user's path.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from '../helpers/cli.js';
import { seededExport } from '../helpers/exports.js';

const PROGRESS = 'Still exporting: 5.06 seconds elapsed.\nStill exporting: 11.06 seconds elapsed.\n';

describe('relocate check and relocate repair', () => {
  let dir: string;
  let clean: string;
  const cli = (...args: string[]) => runCli(args, dir);
  beforeAll(() => {
    dir = temporaryFolder();
    clean = readFileSync(seededExport(dir), 'utf8');
    writeFileSync(join(dir, 'clean.json'), clean);
    writeFileSync(join(dir, 'progress.json'), `${PROGRESS}${clean}\n>> Skipping model <sentry.foo>\n`);
    const users = (JSON.parse(clean) as { model: string; pk: number; fields: Record<string, unknown> }[]);
    const withNull = users.map((object) => (object.model === 'sentry.option' ? { ...object, fields: { ...object.fields, key: null } } : object));
    writeFileSync(join(dir, 'broken.json'), `${PROGRESS}${JSON.stringify(withNull, null, 2)}`);
    expect(cli('keys', 'generate', '--out', 'keys').code).toBe(0);
  });

  it('reports progress lines as errors, grouped by kind, and exits 1', () => {
    const run = cli('check', 'progress.json');
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Errors: 2 (an import would refuse the file, or lose what it holds)\n  TextBeforeArray: text before the JSON array (1)\n    the file (line 1): ');
    expect(run.stdout).toContain('starting "Still exporting: 5.06 seconds elapsed."');
    expect(run.stdout).toContain('  TextAfterArray: text after the JSON array (1)');
    expect(run.stdout).toMatch(/What an import in Global scope would do \(rows with errors are not counted as written\): write 141 rows/);
    expect(run.stdout).toContain('Notes: 4 (what the import, like Sentry\'s, drops, renames or changes)\n  Reminted: tokens, keys and ids made anew (4)\n');
    expect(run.stdout).toContain('Result: 2 errors, 4 notes: an import would refuse this file. relocate repair progress.json FIXED.json can repair every one.\n');
  });

  it('prints one JSON document with every problem and a summary', () => {
    const run = cli('check', 'progress.json', '--json');
    expect(run.code).toBe(1);
    const document = JSON.parse(run.stdout) as { problems: Record<string, unknown>[]; summary: Record<string, unknown> };
    for (const found of document.problems) expect(Object.keys(found)).toEqual(['severity', 'kind', 'model', 'pk', 'ordinal', 'field', 'line', 'message']);
    expect(document.problems.filter((found) => found.severity === 'error').map((found) => [found.kind, found.line])).toEqual([['TextBeforeArray', 1], ['TextAfterArray', clean.split('\n').length + 3]]);
    expect(document.problems.filter((found) => found.severity === 'note').map((found) => [found.kind, found.model])).toEqual([
      ['Reminted', 'sentry.monitor'], ['Reminted', 'sentry.querysubscription'], ['Reminted', 'sentry.incident'], ['Reminted', 'sentry.incidentactivity'],
    ]);
    expect(document.summary).toMatchObject({ errors: 2, notes: 4, repairable_errors: 2, objects: 141, exit_code: 1, sentry_version: '25.1.0' });
    expect((document.summary.file_versions as { consistent: string[] }).consistent).toContain('25.1.0');
  });

  it('exits 0 on a clean file, and 1 with --strict when there are notes', () => {
    const run = cli('check', 'clean.json');
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('Result: 0 errors, 4 notes: the file imports cleanly, as the notes say.\n');
    expect(cli('check', 'clean.json', '--strict').code).toBe(1);
    const users = cli('check', 'clean.json', '--scope', 'users', '--strict');
    expect(users.code).toBe(1);
    expect(users.stdout).toContain('Unclaimed: users left to claim their account (7)');
    expect(users.stdout).toContain('(--strict counts them as failures)');
  });

  it('checks against a database, naming the rows a file collides with', () => {
    expect(cli('import', 'global', 'clean.json', '--db', 'target.sqlite', '--no-prompt', '--silent').code).toBe(0);
    const run = cli('check', 'clean.json', '--scope', 'organizations', '--db', 'target.sqlite');
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/Renamed: usernames and slugs that get a suffix \(\d+\)/);
    expect(run.stdout).toMatch(/the value is taken \(ignoring case\) by the database's row pk \d+/);
  });

  it('refuses what it cannot read with one line naming the path, and exit 2', () => {
    const missing = cli('check', 'nowhere.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Error: Cannot check nowhere\.json: [^\n]+\n$/);
    expect(missing.stdout).toBe('');
    const noDatabase = cli('check', 'clean.json', '--db', 'absent.sqlite');
    expect(noDatabase.code).toBe(2);
    expect(noDatabase.stderr).toMatch(/^Error: [^\n]*absent\.sqlite[^\n]*\n$/);
    expect(existsSync(join(dir, 'absent.sqlite'))).toBe(false);
  });

  it('repairs the progress lines into export\'s bytes, with a report of every change', () => {
    const run = cli('repair', 'progress.json', 'fixed.json', '--report', 'changes.json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('Repaired progress.json to fixed.json: 2 changes (TextBeforeArray 1, TextAfterArray 1); 141 objects written; it checks clean for Sentry 25.1.0, with 4 notes\n');
    expect(readFileSync(join(dir, 'fixed.json'), 'utf8')).toBe(clean);
    const report = JSON.parse(readFileSync(join(dir, 'changes.json'), 'utf8')) as { written: boolean; changes: { action: string; kind: string; line: number }[] };
    expect(report.written).toBe(true);
    expect(report.changes.map((change) => [change.action, change.kind, change.line])).toEqual([['strip-text', 'TextBeforeArray', 1], ['strip-text', 'TextAfterArray', clean.split('\n').length + 3]]);
    expect(cli('check', 'fixed.json').code).toBe(0);
  });

  it('writes nothing when something cannot be repaired, and says what', () => {
    const run = cli('repair', 'broken.json', 'out.json', '--report', 'refused.json');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Cannot repair broken\.json: 1 problem need a change by hand \(relocate check broken\.json says more\); nothing was written:\n  InvalidValue at sentry\.option pk 1 \(#1, line \d+\) key: /);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
    const report = JSON.parse(readFileSync(join(dir, 'refused.json'), 'utf8')) as { written: boolean; unrepairable: { kind: string }[] };
    expect([report.written, report.unrepairable.map((found) => found.kind)]).toEqual([false, ['InvalidValue']]);
  });

  it('reads and writes Sentry\'s encrypted tarball', () => {
    expect(cli('backup', 'encrypt', 'clean.tar', '--src', 'clean.json', '--encrypt-with', 'keys/key.pub').code).toBe(0);
    expect(cli('check', 'clean.tar', '--decrypt-with', 'keys/key.pem').code).toBe(0);
    const run = cli('repair', 'clean.tar', 'again.tar', '--decrypt-with', 'keys/key.pem', '--encrypt-with', 'keys/key.pub', '--silent');
    expect(run.code, run.stderr).toBe(0);
    expect(cli('backup', 'decrypt', 'again.json', '--src', 'again.tar', '--decrypt-with', 'keys/key.pem').code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'again.json'), 'utf8'))).toEqual(JSON.parse(clean));
    const refused = cli('check', 'again.tar');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('Error: again.tar is Sentry\'s encrypted tarball (export.json, data.key, key.pub): pass --decrypt-with PRIVATE_KEY.pem to check it [WrongFileKind]\n');
  });
});
