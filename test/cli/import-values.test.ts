/**
 * `relocate import` with values Sentry would not store, in the scopes where import rules rewrite
 * them (the invalid-* fixtures cover Global), and with keys beside model, pk and fields, which
 * Django's deserializer ignores: accepted, and counted per model in the report.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from '../helpers/cli.js';

const BACKENDS = ['better-sqlite3', 'sql.js'] as const;
const cwd = temporaryFolder();

interface ExportObject {
  model: string;
  pk: number;
  fields: Record<string, unknown>;
  [key: string]: unknown;
}
let objects: ExportObject[];

beforeAll(() => {
  for (const args of [['init', '--db', 'empty.sqlite'], ['seed', 'exhaustive', '--db', 'seeded.sqlite'], ['export', 'organizations', 'orgs.json', '--db', 'seeded.sqlite', '--silent']]) {
    const result = runCli(args, cwd);
    expect(result.code, result.stderr).toBe(0);
  }
  objects = JSON.parse(readFileSync(join(cwd, 'orgs.json'), 'utf8')) as ExportObject[];
}, 60_000);

/** The organizations export with `change` applied to a copy, written to `name`. */
function variant(name: string, change: (objects: ExportObject[]) => void): string {
  const copy = structuredClone(objects);
  change(copy);
  writeFileSync(join(cwd, name), JSON.stringify(copy, null, 2));
  return name;
}

const first = (list: ExportObject[], model: string): ExportObject => list.find((object) => object.model === model) as ExportObject;

describe.each(BACKENDS)('import organizations (%s)', (backend) => {
  const cli = (...args: string[]) => runCli(['--backend', backend, ...args], cwd);

  it('refuses an organization whose slug is null, rather than storing the text "null"', () => {
    const file = variant('slug-null.json', (list) => { first(list, 'sentry.organization').fields.slug = null; });
    const db = `slug-null-${backend}.sqlite`;
    copyFileSync(join(cwd, 'empty.sqlite'), join(cwd, db));
    const before = readFileSync(join(cwd, db));
    const result = cli('import', 'organizations', file, '--db', db);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Error: Import failed at sentry\.organization #1 \(pk \d+, line \d+\): field "slug" \(SentryOrgSlugField\): expected a value: this field cannot be null \[ValidationError\]\nHint: relocate check \S+ lists every problem of the file at once, and what an import would do with each\.\n$/);
    expect(readFileSync(join(cwd, db)).equals(before)).toBe(true);
  });

  it('takes keys beside model, pk and fields, and counts them per model in the report', () => {
    const file = variant('extra-keys.json', (list) => {
      first(list, 'sentry.organization').extra = 1;
      for (const user of list.filter((object) => object.model === 'sentry.user')) user.note = 'x';
      first(list, 'sentry.user').extra = true;
    });
    const users = objects.filter((object) => object.model === 'sentry.user').length;
    const db = `extra-keys-${backend}.sqlite`;
    copyFileSync(join(cwd, 'empty.sqlite'), join(cwd, db));
    const result = cli('import', 'organizations', file, '--db', db, '--report', `extra-${backend}.json`, '--silent');
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(cwd, `extra-${backend}.json`), 'utf8')) as { models: Record<string, { extra_keys: Record<string, number>; inserted: number }> };
    expect(report.models['sentry.organization']?.extra_keys).toEqual({ extra: 1 });
    expect(report.models['sentry.user']?.extra_keys).toEqual({ extra: 1, note: users });
    expect(report.models['sentry.organization']?.inserted).toBeGreaterThan(0);
    expect(report.models['sentry.project']?.extra_keys).toEqual({});
  });
});
