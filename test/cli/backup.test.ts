/**
 * `relocate backup compare` and `relocate backup roundtrip` as a user runs them, on both backends:
 * Sentry's findings text and findings file, the exit codes (0 none, 1 differences, 2 a side that
 * cannot be read), what `--across-versions` leaves out and still counts, and the round trip of
 * the exhaustive seed (with reset and with continued pks, its counts table, `--keep`, and a
 * database whose round trip finds something).
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from '../helpers/cli.js';

const BACKENDS = ['better-sqlite3', 'sql.js'] as const;

const OPTION = { key: 'a', last_updated: '2024-01-01T00:00:00.000Z', last_updated_by: 'unknown', value: '1' };
const json = (value: unknown): string => JSON.stringify(value, null, 2);

describe('relocate backup compare', () => {
  const cwd = temporaryFolder();
  runCli(['seed', 'exhaustive', '--db', 'seed.sqlite'], cwd);
  // A round trip's two exports are equal to Sentry's comparators (an export and itself are not:
  // the UUIDs and subscription ids an import renews must differ).
  runCli(['backup', 'roundtrip', '--db', 'seed.sqlite', '--keep', 'rt', '--silent'], cwd);
  const text = readFileSync(join(cwd, 'rt', 'actual.json'), 'utf8');
  // The one control option's key changed: one UnequalJSON finding.
  writeFileSync(join(cwd, 'b.json'), text.replace('"key": "bar"', '"key": "baz"'));
  const write = (name: string, body: string): string => (writeFileSync(join(cwd, name), body), name);

  it('finds no differences between the exports of a round trip, and writes []', () => {
    const result = runCli(['backup', 'compare', 'rt/expect.json', 'rt/actual.json', '--findings-file', 'none.json'], cwd);
    expect(result).toEqual({ code: 0, stdout: 'Done, found 0 differences!\n', stderr: '' });
    expect(readFileSync(join(cwd, 'none.json'), 'utf8')).toBe('[]');
  });

  it('finds in an export compared with itself the values an import must renew', () => {
    const result = runCli(['backup', 'compare', 'rt/expect.json', 'rt/expect.json', '--findings-file', 'self.json'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe('Done, found 4 differences:');
    const findings = JSON.parse(readFileSync(join(cwd, 'self.json'), 'utf8')) as { kind: string; on: { model: string } }[];
    expect(findings.map((finding) => [finding.kind, finding.on.model])).toEqual([
      ['UUID4Comparator', 'sentry.monitor'], ['SubscriptionIDComparator', 'sentry.querysubscription'],
      ['UUID4Comparator', 'sentry.incident'], ['UUID4Comparator', 'sentry.incidentactivity'],
    ]);
  });

  it('prints each difference, counts them, writes Sentry\'s findings JSON and exits 1', () => {
    const result = runCli(['backup', 'compare', 'rt/expect.json', 'b.json', '--findings-file', 'found.json'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    // Sentry's unified diff: header lines keep difflib's line terminator.
    const reason = '\n    --- \n\n    +++ \n\n    @@ -1,6 +1,6 @@\n\n     {\n    -  "key": "bar",\n    +  "key": "baz",\n'
      + '       "last_updated": "2024-07-01T10:59:52.000Z",\n       "last_updated_by": "unknown",\n       "value": "\\"b\\""\n     }';
    expect(result.stdout).toBe('Done, found 1 differences:\n\nComparatorFinding(\n    kind: UnequalJSON,\n'
      + "    on: InstanceID(model: 'sentry.controloption', ordinal: 1),\n    left_pk: 1,\n    right_pk: 1,\n"
      + `    reason: ${reason}\n)\n`);
    const file = readFileSync(join(cwd, 'found.json'), 'utf8');
    expect(JSON.parse(file)).toEqual([
      { finding: 'ComparatorFinding', kind: 'UnequalJSON', left_pk: 1, on: { model: 'sentry.controloption', ordinal: 1 }, reason, right_pk: 1 },
    ]);
    // Sorted keys, indent 2.
    expect(file.split('\n').slice(0, 9)).toEqual([
      '[', '  {', '    "finding": "ComparatorFinding",', '    "kind": "UnequalJSON",', '    "left_pk": 1,', '    "on": {',
      '      "model": "sentry.controloption",', '      "ordinal": 1', '    },',
    ]);
  });

  it('exits 2 with one Error: line when a side cannot be read', () => {
    write('truncated.json', text.slice(0, 500));
    write('object.json', '{"model": "sentry.option"}');
    for (const [left, right, message] of [
      ['missing.json', 'rt/expect.json', /^Error: Cannot compare missing\.json: there is no such file \(check the path\)\n$/],
      ['rt/expect.json', 'truncated.json', /^Error: .*Invalid right JSON at line \d+: Truncated JSON.*\n$/],
      ['object.json', 'rt/expect.json', /^Error: .*Invalid left JSON at line 1: Expected a JSON array at line 1.*\n$/],
    ] as const) {
      const result = runCli(['backup', 'compare', left, right, '--findings-file', 'unread.json'], cwd);
      expect(result.code, `${left} ${right}`).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.split('\n').filter((line) => line.startsWith('Error:'))).toHaveLength(1);
      expect(existsSync(join(cwd, 'unread.json'))).toBe(false);
    }
  });

  it('across versions leaves out unknown models and one-sided fields, and compares values by field class', () => {
    write('old.json', json([
      { model: 'sentry.option', pk: 1, fields: { ...OPTION, gone: 5 } },
      { model: 'sentry.oldthing', pk: 1, fields: { x: 1 } },
      { model: 'sentry.oldthing', pk: 2, fields: { x: 1 } },
    ]));
    write('new.json', json([
      { model: 'sentry.option', pk: 3, fields: { ...OPTION, last_updated: '2024-01-01T00:00:00Z', added: 'x' } },
      { model: 'sentry.newthing', pk: 1, fields: { x: 1 } },
    ]));
    const across = runCli(['backup', 'compare', 'old.json', 'new.json', '--across-versions', '--findings-file', 'across.json'], cwd);
    expect(across).toEqual({
      code: 0,
      stdout: 'Done, found 0 differences!\n',
      stderr: 'Left out (not a model of this registry): sentry.newthing, 0 left and 1 right rows\n'
        + 'Left out (not a model of this registry): sentry.oldthing, 2 left and 0 right rows\n'
        + 'Left out (only on the left): sentry.option.gone\n'
        + 'Left out (only on the right): sentry.option.added\n',
    });
    expect(readFileSync(join(cwd, 'across.json'), 'utf8')).toBe('[]');
    // Without the flag the same files differ in counts (and the option's fields are not reached).
    const plain = runCli(['backup', 'compare', 'old.json', 'new.json'], cwd);
    expect(plain.code).toBe(1);
    // The counts differ because one side has models the other's version lacks: a hint says so.
    expect(plain.stderr).toBe("Hint: sentry.oldthing, sentry.newthing are models one side's Sentry version has and the other's does not: add --across-versions to leave such models and fields out.\n");
    expect(plain.stdout.split('\n')[0]).toBe('Done, found 2 differences:');
    expect(plain.stdout.match(/on: InstanceID\(model: '[^']+'\)/g)).toEqual([
      "on: InstanceID(model: 'sentry.oldthing')", "on: InstanceID(model: 'sentry.newthing')",
    ]);
  });

  it('across versions still counts a known model with rows on one side only', () => {
    write('one-side.json', json([
      { model: 'sentry.option', pk: 1, fields: OPTION },
      { model: 'sentry.controloption', pk: 1, fields: OPTION },
    ]));
    write('other-side.json', json([{ model: 'sentry.option', pk: 1, fields: OPTION }]));
    const result = runCli(['backup', 'compare', 'one-side.json', 'other-side.json', '--across-versions', '--findings-file', 'counts.json'], cwd);
    expect(result).toEqual({
      code: 1,
      stdout: "Done, found 1 differences:\n\nComparatorFinding(\n    kind: UnequalCounts,\n    on: InstanceID(model: 'sentry.controloption'),\n"
        + '    reason: counted 1 left entries and 0 right entries\n)\n',
      stderr: '',
    });
    expect(JSON.parse(readFileSync(join(cwd, 'counts.json'), 'utf8'))).toEqual([{
      finding: 'ComparatorFinding', kind: 'UnequalCounts', left_pk: null, on: { model: 'sentry.controloption', ordinal: null },
      reason: 'counted 1 left entries and 0 right entries', right_pk: null,
    }]);
  });
});

/** [model, pk] of each object of an export, in file order. */
function modelPks(exportText: string): [string, number][] {
  return (JSON.parse(exportText) as { model: string; pk: number }[]).map((object) => [object.model, object.pk]);
}

/** The counts table `backup roundtrip` prints, from an export's objects (in export order). */
function countsTable(exportText: string, findings: number): string {
  const counts = new Map<string, number>();
  for (const object of JSON.parse(exportText) as { model: string }[]) counts.set(object.model, (counts.get(object.model) ?? 0) + 1);
  const width = Math.max(...[...counts.keys()].map((model) => model.length));
  const lines = [`${'model'.padEnd(width)}  expect  actual`];
  for (const [model, n] of counts) lines.push(`${model.padEnd(width)}  ${String(n).padStart(6)}  ${String(n).padStart(6)}`);
  lines.push(`141 rows of 94 models; ${findings} findings`);
  return `${lines.join('\n')}\n`;
}

describe.each(BACKENDS)('%s: relocate backup roundtrip', (backend) => {
  const cwd = temporaryFolder();
  const cli = (...args: string[]) => runCli(['--backend', backend, ...args], cwd);
  cli('seed', 'exhaustive', '--db', 'seed.sqlite');

  it('round-trips the exhaustive seed with reset pks, keeping both exports', () => {
    const result = cli('backup', 'roundtrip', '--db', 'seed.sqlite', '--reset-pks', '--keep', 'kept', '--findings-file', 'f.json', '--silent');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const expectText = readFileSync(join(cwd, 'kept', 'expect.json'), 'utf8');
    expect(result.stdout).toBe(countsTable(expectText, 0));
    expect(result.stdout).toContain(`\nsentry.user${' '.repeat(34)}       7       7\n`);
    expect(readFileSync(join(cwd, 'f.json'), 'utf8')).toBe('[]');
    // Reset pks: every object comes back at its pk (values Sentry renews, like UUIDs, may differ).
    expect(modelPks(readFileSync(join(cwd, 'kept', 'actual.json'), 'utf8'))).toEqual(modelPks(expectText));
    const compared = runCli(['backup', 'compare', 'kept/expect.json', 'kept/actual.json'], cwd);
    expect(compared).toEqual({ code: 0, stdout: 'Done, found 0 differences!\n', stderr: '' });
  });

  it('round-trips it with continued pks, again and again (the default is reset pks)', () => {
    copyFileSync(join(cwd, 'seed.sqlite'), join(cwd, 'continued.sqlite'));
    const result = cli('backup', 'roundtrip', '--db', 'continued.sqlite', '--no-reset-pks', '--keep', 'continued', '--silent');
    expect(result.code).toBe(0);
    const expectText = readFileSync(join(cwd, 'continued', 'expect.json'), 'utf8');
    expect(result.stdout).toBe(countsTable(expectText, 0));
    // Continued pks: only the projects keep theirs.
    const before = modelPks(expectText);
    const after = modelPks(readFileSync(join(cwd, 'continued', 'actual.json'), 'utf8'));
    expect(after.map(([model]) => model)).toEqual(before.map(([model]) => model));
    expect([...new Set(after.filter((pair, i) => pair[1] === before[i]?.[1]).map(([model]) => model))]).toEqual(['sentry.project']);
    expect(runCli(['backup', 'compare', 'continued/expect.json', 'continued/actual.json'], cwd).code).toBe(0);
    expect(cli('backup', 'roundtrip', '--db', 'continued.sqlite', '--no-reset-pks', '--silent').stdout.endsWith('\n141 rows of 94 models; 0 findings\n')).toBe(true);
    // Without the flag pks are reset: a fresh copy of the seed comes back whole.
    copyFileSync(join(cwd, 'seed.sqlite'), join(cwd, 'default.sqlite'));
    const again = cli('backup', 'roundtrip', '--db', 'default.sqlite', '--silent');
    expect(again.code).toBe(0);
    expect(again.stdout.endsWith('\n141 rows of 94 models; 0 findings\n')).toBe(true);
  });

  it('reports progress and where the exports are kept on stderr unless --silent', () => {
    const result = cli('backup', 'roundtrip', '--db', 'seed.sqlite', '--keep', 'loud');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Round trip of seed.sqlite (reset pks); exports kept in loud');
  });

  it('exits 1 when the import changes the data (an organization slug Sentry would not make)', () => {
    copyFileSync(join(cwd, 'seed.sqlite'), join(cwd, 'odd.sqlite'));
    const db = new Database(join(cwd, 'odd.sqlite'));
    db.prepare("UPDATE sentry_organization SET slug = 'Test_Org'").run();
    db.close();
    const result = cli('backup', 'roundtrip', '--db', 'odd.sqlite', '--findings-file', 'odd.json', '--silent');
    expect(result.code).toBe(1);
    const reason = 'the left value (Test_Org) of `slug` was not equal to or a dashed prefix of the right value (test-org)';
    expect(result.stdout.endsWith('\n141 rows of 94 models; 1 findings\n\nDone, found 1 differences:\n\nComparatorFinding(\n    kind: AutoSuffixComparator,\n'
      + `    on: InstanceID(model: 'sentry.organization', ordinal: 1),\n    left_pk: 1,\n    right_pk: 1,\n    reason: ${reason}\n)\n`)).toBe(true);
    expect(JSON.parse(readFileSync(join(cwd, 'odd.json'), 'utf8'))).toEqual([{
      finding: 'ComparatorFinding', kind: 'AutoSuffixComparator', left_pk: 1, on: { model: 'sentry.organization', ordinal: 1 }, reason, right_pk: 1,
    }]);
  });
});
