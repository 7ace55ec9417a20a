/**
 * What the CLI tells a user besides the data: filters that matched nothing (a warning, exit 0
 * still), hints after findings that have an explanation, one report shape for import and export
 * (dropped rows listed with their pks, a dry run that says what it would delete), and progress
 * counted in rows with a rate and an ETA on a terminal.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, temporaryFolder } from '../helpers/cli.js';
import { hasSharedReference, referencePath } from '../helpers/shared-reference.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

describe.each(['better-sqlite3', 'sql.js'])('%s: reports, warnings and hints', (backend) => {
  let cwd: string;
  const cli = (...args: string[]) => runCli([...args, '--backend', backend], cwd);
  beforeAll(() => {
    cwd = temporaryFolder();
    expect(cli('seed', 'exhaustive', '--db', 'seeded.sqlite', '--silent').code).toBe(0);
    expect(cli('export', 'global', 'all.json', '--db', 'seeded.sqlite', '--silent').code).toBe(0);
  });

  it('warns about each filter value that matched nothing, and still exits 0', () => {
    const imported = cli('import', 'organizations', 'all.json', '--db', 'orgs.sqlite', '--filter-org-slugs', 'test-org,nope,nada');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('Warning: --filter-org-slugs nope matched no organization in all.json\n');
    expect(imported.stderr).toContain('Warning: --filter-org-slugs nada matched no organization in all.json\n');
    expect(imported.stderr).not.toContain('test-org matched');
    const exported = cli('export', 'users', 'users.json', '--db', 'seeded.sqlite', '--filter-usernames', 'nobody');
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain('Warning: --filter-usernames nobody matched no user in seeded.sqlite\n');
    expect(readFileSync(join(cwd, 'users.json'), 'utf8')).toBe('[]');
  });

  it('says after the findings why comparing a file with itself finds renewed-value findings', () => {
    const result = runCli(['backup', 'compare', 'all.json', 'all.json'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('UUID4Comparator');
    expect(result.stderr).toContain('Hint: UUID4Comparator and SubscriptionIDComparator expect a value an import renews');
  });

  it('gives import and export reports one shape: written, and dropped rows by reason with their pks', () => {
    const objects = JSON.parse(readFileSync(join(cwd, 'all.json'), 'utf8')) as unknown[];
    objects.push({ model: 'sentry.actor', pk: 3, fields: { type: 0 } }, { model: 'sentry.actor', pk: 9, fields: { type: 1 } });
    writeFileSync(join(cwd, 'with-removed.json'), JSON.stringify(objects, null, 2));
    expect(cli('import', 'global', 'with-removed.json', '--db', 'imp.sqlite', '--report', 'imp.json', '--silent').code).toBe(0);
    expect(cli('export', 'organizations', 'org.json', '--db', 'seeded.sqlite', '--filter-org-slugs', 'test-org', '--report', 'exp.json', '--silent').code).toBe(0);
    type Report = { written: number; dropped: number; models: Record<string, { written: number; dropped: Record<string, { count: number; pks: number[] }> }> };
    const imported = JSON.parse(readFileSync(join(cwd, 'imp.json'), 'utf8')) as Report;
    const exported = JSON.parse(readFileSync(join(cwd, 'exp.json'), 'utf8')) as Report;
    expect(Object.values(imported.models['sentry.actor']?.dropped ?? {})).toEqual([{ count: 2, pks: [3, 9] }]);
    for (const report of [imported, exported]) {
      expect(report.written).toBeGreaterThan(0);
      expect(typeof report.dropped).toBe('number');
      for (const model of Object.values(report.models)) {
        expect(typeof model.written).toBe('number');
        for (const entry of Object.values(model.dropped)) expect(entry.pks.length).toBe(Math.min(entry.count, 1000));
      }
    }
  });

  it('dry run: the report on stdout, what a real run would delete on stderr, and no pointer to --report', () => {
    const result = cli('import', 'global', 'all.json', '--db', 'seeded.sqlite', '--dry-run');
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { dry_run: boolean; cleared: number };
    expect(report.dry_run).toBe(true);
    // Every row of every exportable table, exported or not (a workflow group status never is).
    expect(report.cleared).toBe(142);
    expect(result.stderr).toContain('after deleting the 142 rows seeded.sqlite holds');
    expect(result.stderr).not.toContain('--report');
  });

  it.runIf(hasScript)('counts progress in rows on a terminal, with a rate and an ETA', () => {
    const command = `${process.execPath} ${BIN} export global out.json --db seeded.sqlite --backend ${backend}`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\d+\/142 rows \| \d+(\.\d+k)? rows\/s \| ETA/);
  });
});

describe.skipIf(!hasSharedReference)('a 24.7.0 file compared with its own re-export', () => {
  it('hints that the versions differ and --across-versions leaves that out', () => {
    const cwd = temporaryFolder();
    const file = referencePath('snapshots', 'ReleaseTests', 'test_at_24_7_0.export.json');
    expect(runCli(['import', 'global', file, '--db', 'a.sqlite', '--silent'], cwd).code).toBe(0);
    expect(runCli(['export', 'global', 'back.json', '--db', 'a.sqlite', '--silent'], cwd).code).toBe(0);
    const result = runCli(['backup', 'compare', file, 'back.json'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('UnequalCounts');
    expect(result.stderr).toMatch(/Hint: .*sentry\.alertruleexcludedprojects.* add --across-versions/);
    const across = runCli(['backup', 'compare', file, 'back.json', '--across-versions'], cwd);
    expect(across.stdout).toBe('Done, found 0 differences!\n');
  });
});
