/** `relocate seed` and `relocate export` as a user runs them, on both backends. */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { runCli, temporaryFolder } from '../helpers/cli.js';
import { REGISTRY } from '../helpers/registry.js';

describe('relocate export', () => {
  const cwd = temporaryFolder();
  runCli(['seed', 'exhaustive', '--db', 'a.sqlite'], cwd);
  runCli(['--backend', 'sql.js', 'seed', 'exhaustive', '--db', 'b.sqlite'], cwd);

  it('exports the same bytes from both backends, with every exportable model but one', () => {
    expect(runCli(['export', 'global', 'a.json', '--db', 'a.sqlite'], cwd).code).toBe(0);
    expect(runCli(['--backend', 'sql.js', 'export', 'global', 'b.json', '--db', 'b.sqlite'], cwd).code).toBe(0);
    const a = readFileSync(join(cwd, 'a.json'));
    expect(a.equals(readFileSync(join(cwd, 'b.json')))).toBe(true);
    const models = new Set((JSON.parse(a.toString()) as { model: string }[]).map((object) => object.model));
    expect(REGISTRY.exportable.filter((entry) => !models.has(entry.name)).map((entry) => entry.name)).toEqual(['workflow_engine.workflowgroupstatus']);
  });

  it('refuses to seed a database that already has data, and leaves it as it was', () => {
    const before = readFileSync(join(cwd, 'a.sqlite'));
    const again = runCli(['seed', 'exhaustive', '--db', 'a.sqlite'], cwd);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already holds');
    expect(readFileSync(join(cwd, 'a.sqlite')).equals(before)).toBe(true);
  });

  it('writes data to stdout and the summary to stderr', () => {
    const result = runCli(['export', 'users', '--db', 'a.sqlite', '--filter-usernames', 'owner'], cwd);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { model: string }[]).filter((object) => object.model === 'sentry.user')).toHaveLength(1);
    expect(result.stderr).toMatch(/^Exported \d+ rows of 4 models \(User scope\) to stdout\n$/);
    expect(runCli(['export', 'users', '--db', 'a.sqlite', '--silent', '--filter-usernames', 'owner'], cwd).stderr).toBe('');
  });

  it('reads usernames from a file, and refuses both forms at once', () => {
    writeFileSync(join(cwd, 'names.txt'), 'owner\nmember\n');
    const result = runCli(['export', 'users', '--db', 'a.sqlite', '--filter-usernames-file', 'names.txt', '--silent'], cwd);
    expect((JSON.parse(result.stdout) as { model: string }[]).filter((object) => object.model === 'sentry.user')).toHaveLength(2);
    const both = runCli(['export', 'users', '--db', 'a.sqlite', '--filter-usernames', 'x', '--filter-usernames-file', 'names.txt'], cwd);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('mutually exclusive');
  });

  it('writes [] to the findings file on success, and a report of left-out rows', () => {
    const result = runCli(['export', 'organizations', 'org.json', '--db', 'a.sqlite', '--filter-org-slugs', 'test-org', '--findings-file', 'findings.json', '--report', 'report.json'], cwd);
    expect(result.code).toBe(0);
    expect(readFileSync(join(cwd, 'findings.json'), 'utf8')).toBe('[]');
    const report = JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8')) as { models: Record<string, { written: number; dropped: Record<string, { count: number; pks: number[] }> }> };
    const users = report.models['sentry.user'];
    expect(Object.keys(users?.dropped ?? {})).toContain('filtered: not a member of the exported organizations');
    expect(users?.dropped['filtered: not a member of the exported organizations']?.pks.length).toBe(users?.dropped['filtered: not a member of the exported organizations']?.count);
  });

  it('keeps --indent', () => {
    const result = runCli(['export', 'config', '--db', 'a.sqlite', '--indent', '4', '--silent'], cwd);
    expect(result.stdout.startsWith('[\n    {\n        "model": ')).toBe(true);
  });

  it('refuses options of another scope and asks for a scope', () => {
    expect(runCli(['export', 'global', '--db', 'a.sqlite', '--filter-org-slugs', 'x'], cwd).stderr).toContain('Unknown option: --filter-org-slugs');
    expect(runCli(['export', '--db', 'a.sqlite'], cwd).stderr).toContain('Missing scope: name one of users, organizations, config or global');
  });

  it('fails with Sentry\'s export error in the findings file, located at the model and row', () => {
    runCli(['init', '--db', 'big.sqlite'], cwd);
    const db = new Database(join(cwd, 'big.sqlite'));
    db.prepare("INSERT INTO sentry_option (key, last_updated, last_updated_by, value) VALUES ('a', '2024-01-01T00:00:00.000Z', 'x', '1')").run();
    db.prepare("INSERT INTO sentry_option (id, key, last_updated, last_updated_by, value) VALUES (9007199254740993, 'b', '2024-01-01T00:00:00.000Z', 'x', '1')").run();
    db.close();
    const result = runCli(['export', 'global', 'big.json', '--db', 'big.sqlite', '--findings-file', 'big-findings.json'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Error: Export failed at sentry.option row 2: Integer .* beyond/);
    expect(existsSync(join(cwd, 'big.json'))).toBe(false);
    const findings = JSON.parse(readFileSync(join(cwd, 'big-findings.json'), 'utf8')) as Record<string, unknown>[];
    expect(findings).toEqual([
      expect.objectContaining({ finding: 'RpcExportError', kind: 'Unknown', on: { model: 'sentry.option', ordinal: 2 }, left_pk: null, right_pk: null }),
    ]);
  });

  it('leaves no file behind when the export fails', () => {
    const result = runCli(['export', 'global', 'broken.json', '--db', 'missing-dir/x.sqlite'], cwd);
    expect(result.code).toBe(2);
    expect(existsSync(join(cwd, 'broken.json'))).toBe(false);
  });
});
