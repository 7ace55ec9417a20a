/**
 * `relocate import global` of malformed exports, on both backends. Each `fixtures/invalid-<case>/`
 * holds an `input.json` with one defect and an `expected.json` naming the error it must raise
 * (kind, model, ordinal, line, and text its message includes). For every case the import must:
 * exit 2; print exactly one `Error: Import failed at <model> #<ordinal> (pk N, line L): ... [Kind]`
 * line on stderr (no stack, no "internal error"), then a hint naming `relocate check` (and `repair`); write that one RpcImportError to the findings
 * file; and leave the database as it was, both byte for byte (sql.js writes the file back only on
 * success, better-sqlite3 rolls its transaction back) and as an export. A failed import into a
 * database path that did not exist leaves no file there. Models of a known Sentry app that this
 * registry lacks, or that Sentry removed, are not errors: they are dropped and reported.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from '../helpers/cli.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');
const CASES = readdirSync(FIXTURES).filter((name) => name.startsWith('invalid-')).sort();

interface Expected {
  readonly kind: string;
  readonly model: string | null;
  readonly ordinal: number | null;
  readonly line: number | null;
  readonly message_includes: string;
}

interface ImportFinding {
  readonly finding: string;
  readonly kind: string;
  readonly on: { readonly model: string; readonly ordinal: number | null };
  readonly reason: string;
}

const input = (name: string): string => join(FIXTURES, name, 'input.json');
const expectedOf = (name: string): Expected => JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The whole of stderr: one error line, located as expected, ending in the kind; then the hint that names check (and repair, for a file that is not an array of objects). */
function errorLine(expected: Expected): RegExp {
  const where = `Import failed at ${expected.model ?? 'the file'}${expected.ordinal === null ? '' : ` #${expected.ordinal}`}`;
  const details = expected.line === null ? '(?: \\([^)]*\\))?' : ` \\((?:pk -?\\d+, )?line ${expected.line}\\)`;
  return new RegExp(`^Error: ${escape(where)}${details}: [^\\n]*${escape(expected.message_includes)}[^\\n]* \\[${escape(expected.kind)}\\]\\n${hint(expected)}\\n$`);
}

function hint(expected: Expected): string {
  const file = '[^\\n ]+input\\.json';
  return expected.model === null && expected.kind === 'DeserializationFailed'
    ? `Hint: relocate check ${file} lists every problem of the file; relocate repair ${file} FIXED\\.json writes it without the text around the array \\(such as Sentry's progress lines\\) and what else it can repair safely\\.`
    : `Hint: relocate check ${file} lists every problem of the file at once, and what an import would do with each\\.`;
}

/** The suite for some backends: each backend's run is a test file of its own, so that the two run side by side. */
export function importInvalid(backends: readonly ('better-sqlite3' | 'sql.js')[]): void {
  it('has invalid-* fixtures, each with an input and a well-formed expectation', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(14);
    for (const name of CASES) {
      expect(() => readFileSync(input(name))).not.toThrow();
      const expected = expectedOf(name);
      expect(Object.keys(expected).sort(), name).toEqual(['kind', 'line', 'message_includes', 'model', 'ordinal']);
      expect(expected.message_includes, name).not.toBe('');
    }
  });

  describe.each(backends)('relocate import global of an invalid file (%s)', (backend) => {
    const cwd = temporaryFolder();
    const cli = (...args: string[]) => runCli(['--backend', backend, ...args], cwd);
    const exportOf = (db: string): string => {
      const result = cli('export', 'global', '-', '--db', db, '--silent');
      expect(result.code, result.stderr).toBe(0);
      return result.stdout;
    };
    let seeded: Buffer;
    let before: string;

    beforeAll(() => {
      expect(cli('seed', 'exhaustive', '--db', 'seeded.sqlite').code).toBe(0);
      seeded = readFileSync(join(cwd, 'seeded.sqlite'));
      before = exportOf('seeded.sqlite');
      expect(readFileSync(join(cwd, 'seeded.sqlite')).equals(seeded)).toBe(true);
    }, 60_000);

    it.each(CASES)('%s: fails where expected, records the finding, and changes nothing', (name) => {
      const expected = expectedOf(name);
      const db = `${name}.sqlite`;
      const findings = `${name}-findings.json`;
      copyFileSync(join(cwd, 'seeded.sqlite'), join(cwd, db));

      const result = cli('import', 'global', input(name), '--db', db, '--no-prompt', '--findings-file', findings);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).not.toContain('internal error');
      expect(result.stderr).toMatch(errorLine(expected));
      expect(result.stdout).toBe('');

      const written = JSON.parse(readFileSync(join(cwd, findings), 'utf8')) as ImportFinding[];
      expect(written).toEqual([expect.objectContaining({
        finding: 'RpcImportError',
        kind: expected.kind,
        on: { model: expected.model ?? '', ordinal: expected.ordinal },
        reason: expect.stringContaining(expected.message_includes) as unknown,
      })]);

      // Byte-identical on both backends: the checking pass fails before any write, and a failure
      // in the writing pass rolls the one transaction back (better-sqlite3) or is never written
      // back (sql.js). Equal bytes are equal rows: the export of these bytes is `before` (beforeAll).
      expect(readFileSync(join(cwd, db)).equals(seeded), 'database file bytes changed').toBe(true);
    });

    it('leaves no database file behind at a path that did not exist before', () => {
      // One failure in the checking pass, one in the writing pass (after the schema was created).
      for (const name of ['invalid-truncated-json', 'invalid-foreign-key-to-nothing']) {
        const db = `fresh-${name}.sqlite`;
        const result = cli('import', 'global', input(name), '--db', db, '--no-prompt');
        expect(result.code, result.stderr).toBe(2);
        expect(result.stderr).toMatch(errorLine(expectedOf(name)));
        expect(readdirSync(cwd).filter((file) => file.startsWith(`fresh-${name}`))).toEqual([]);
      }
    });

    it('drops a removed model, keeps an unknown model of a known app, and lists both in --report', () => {
      const email = { model: 'sentry.email', pk: 1, fields: { email: 'ada@example.com', date_added: '2024-07-01T10:00:00.000Z' } };
      const user = { model: 'sentry.user', pk: 1, fields: { username: 'ada', name: 'Ada', email: 'ada@example.com', password: '', date_joined: '2024-07-01T10:00:00.000Z' } };
      const objects = [
        email,
        { model: 'sentry.nosuchmodel', pk: 1, fields: { name: 'x' } },
        user,
        { model: 'sentry.actor', pk: 7, fields: { type: 1, user_id: 1 } },
      ];
      writeFileSync(join(cwd, 'drops.json'), JSON.stringify(objects, null, 2));
      copyFileSync(join(cwd, 'seeded.sqlite'), join(cwd, 'drops.sqlite'));

      const result = cli('import', 'global', 'drops.json', '--db', 'drops.sqlite', '--no-prompt', '--report', 'drops-report.json', '--findings-file', 'drops-findings.json');
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(join(cwd, 'drops-findings.json'), 'utf8')).toBe('[]');
      const report = JSON.parse(readFileSync(join(cwd, 'drops-report.json'), 'utf8')) as {
        models: Record<string, { inserted: number; merged: number; kept_rows: number; dropped: Record<string, { count: number; pks: number[] }> }>;
      };
      const droppedCount = (model: string): number => Object.values(report.models[model]?.dropped ?? {}).reduce((n, d) => n + d.count, 0);
      expect(droppedCount('sentry.nosuchmodel')).toBe(0);
      expect(report.models['sentry.nosuchmodel']?.kept_rows).toBe(1);
      expect(droppedCount('sentry.actor')).toBe(1);
      expect(Object.values(report.models['sentry.actor']?.dropped ?? {})[0]?.pks).toEqual([7]);
      expect(report.models['sentry.user']?.inserted).toBe(1);
      // The user's own Email row comes with the user (Sentry's signals); the file's lands on it.
      expect(report.models['sentry.email']?.merged).toBe(1);

      const after = JSON.parse(exportOf('drops.sqlite')) as { model: string }[];
      // The user's primary UserEmail comes with the user, as Sentry's signals make it.
      // The kept row is written back after the model it followed in the file.
      expect(after.map((object) => object.model)).toEqual(['sentry.user', 'sentry.email', 'sentry.nosuchmodel', 'sentry.useremail']);
    });
  });
}
