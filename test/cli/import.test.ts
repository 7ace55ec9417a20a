/** `relocate import`: options, stdin, the Global prompt, dry runs, reports and findings, on both backends. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, temporaryFolder } from '../helpers/cli.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

describe.each(['better-sqlite3', 'sql.js'])('%s: relocate import', (backend) => {
  let dir: string;
  const cli = (...args: string[]) => runCli(['--backend', backend, ...args], dir);
  beforeAll(() => {
    dir = temporaryFolder();
    expect(cli('seed', 'exhaustive', '--db', 'source.sqlite').code).toBe(0);
    expect(cli('export', 'global', 'backup.json', '--db', 'source.sqlite').code).toBe(0);
  });

  it('imports a Global backup that exports back byte for byte, apart from renewed identities', () => {
    const run = cli('import', 'global', 'backup.json', '--db', 'target.sqlite', '--findings-file', 'findings.json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Imported 141 rows of 94 models \(Global scope\) from backup\.json\n$/);
    expect(readFileSync(join(dir, 'findings.json'), 'utf8')).toBe('[]');
    expect(cli('export', 'global', 'again.json', '--db', 'target.sqlite').code).toBe(0);
    const strip = (text: string) => text.replace(/"(guid|subscription_id|detection_uuid|notification_uuid|country_code|region_code)": [^\n]*/g, '"$1": _');
    expect(strip(readFileSync(join(dir, 'again.json'), 'utf8'))).toBe(strip(readFileSync(join(dir, 'backup.json'), 'utf8')));
  });

  it('asks before a Global import deletes data, naming the database and its rows, and refuses when it cannot ask', () => {
    const before = readFileSync(join(dir, 'source.sqlite'));
    const run = cli('import', 'global', 'backup.json', '--db', 'source.sqlite');
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'Error: import global will delete all 142 rows of source.sqlite before importing, and there is no terminal to ask on; pass --no-prompt to go ahead\n' });
    expect(readFileSync(join(dir, 'source.sqlite')).equals(before)).toBe(true);
    expect(cli('import', 'global', 'backup.json', '--db', 'source.sqlite', '--no-prompt', '--silent').code).toBe(0);
  });

  it.skipIf(!hasScript)('asks on a terminal, and leaves the database as it was when the answer is no', () => {
    const before = readFileSync(join(dir, 'source.sqlite'));
    // script(1) gives the command a pseudo-terminal; what is piped in is typed at it.
    const command = `"${process.execPath}" "${BIN}" import global backup.json --db source.sqlite --backend ${backend}`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, input: 'n\n', encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('import global will delete all 141 rows of source.sqlite before importing. Continue? [y/N]: ');
    expect(run.stdout).toContain('Error: Import cancelled; source.sqlite was left as it was');
    expect(readFileSync(join(dir, 'source.sqlite')).equals(before)).toBe(true);
  });

  it('reads the backup from stdin', () => {
    const input = readFileSync(join(dir, 'backup.json'));
    const run = spawnSync(process.execPath, [BIN, '--backend', backend, 'import', 'organizations', '-', '--db', 'stdin.sqlite'], { cwd: dir, input, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('(Organization scope) from stdin');
  });

  it('--dry-run prints the report and leaves the database as it was', () => {
    const before = cli('export', 'global', '-', '--db', 'source.sqlite').stdout;
    const run = cli('import', 'organizations', 'backup.json', '--db', 'source.sqlite', '--dry-run', '--report', 'report.json');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { dry_run: boolean; models: Record<string, { renamed: { field: string }[] }> };
    expect(report.dry_run).toBe(true);
    expect(report.models['sentry.organization']?.renamed.map((row) => row.field)).toEqual(['slug']);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe(run.stdout);
    expect(cli('export', 'global', '-', '--db', 'source.sqlite').stdout).toBe(before);
  });

  it('--dry-run into a database that does not exist leaves none behind', () => {
    const run = cli('import', 'global', 'backup.json', '--db', 'dry-new.sqlite', '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { dry_run: boolean }).dry_run).toBe(true);
    expect(existsSync(join(dir, 'dry-new.sqlite'))).toBe(false);
  });

  it('--report lists renames and drops with their reasons', () => {
    const run = cli('import', 'users', 'backup.json', '--db', 'source.sqlite', '--filter-usernames', 'owner', '--report', 'users.json');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'users.json'), 'utf8')) as { models: Record<string, { inserted: number; dropped: Record<string, { count: number }>; renamed: { from: string; to: string }[] }> };
    const users = report.models['sentry.user'];
    expect(users?.inserted).toBe(1);
    expect(users?.renamed[0]?.from).toBe('owner');
    expect(users?.renamed[0]?.to).toMatch(/^owner-/);
    expect(Object.keys(users?.dropped ?? {})).toEqual(['filtered: username not in --filter-usernames']);
  });

  it('keeps Sentry\'s options per scope: no --merge-users for global, no --overwrite-configs for users', () => {
    expect(cli('import', 'global', 'backup.json', '--db', 'x.sqlite', '--merge-users').stderr).toContain('Unknown option: --merge-users');
    expect(cli('import', 'users', 'backup.json', '--db', 'x.sqlite', '--overwrite-configs').stderr).toContain('Unknown option: --overwrite-configs');
  });

  it('refuses an import UUID that is not one, and a missing file, naming them', () => {
    const bad = cli('import', 'config', 'backup.json', '--db', 'x.sqlite', '--import-uuid', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('Error: --import-uuid must be a UUID (such as 8d4a3b6e-2f1c-4e5a-9b7d-0c6e1f2a3b4c), got "nope"\nRun "relocate --help" for usage.\n');
    const missing = cli('import', 'config', 'nowhere.json', '--db', 'x.sqlite');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere.json');
  });

  it('writes an IntegrityError with Sentry\'s hint and its finding', () => {
    const objects = JSON.parse(readFileSync(join(dir, 'backup.json'), 'utf8')) as { model: string; pk: number; fields: Record<string, unknown> }[];
    // A second team of the same organization with the same slug: (organization, slug) is unique.
    const at = objects.findIndex((object) => object.model === 'sentry.team');
    const team = objects[at];
    if (team === undefined) throw new Error('the export has no team');
    objects.splice(at + 1, 0, { ...team, pk: 999_999 });
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(objects));
    const run = cli('import', 'global', 'bad.json', '--db', 'bad.sqlite', '--findings-file', 'bad-findings.json');
    expect(run.code).toBe(2);
    // The error first, then Sentry's hint about it.
    expect(run.stderr).toMatch(/^Error: Import failed at sentry\.team #2 \(pk 999999, line \d+\): .*\[IntegrityError\]\nAre you restoring from a backup of the same version .*\n$/);
    const [finding] = JSON.parse(readFileSync(join(dir, 'bad-findings.json'), 'utf8')) as Record<string, unknown>[];
    expect(finding).toMatchObject({ finding: 'RpcImportError', kind: 'IntegrityError', on: { model: 'sentry.team', ordinal: 2 } });
  });
});
