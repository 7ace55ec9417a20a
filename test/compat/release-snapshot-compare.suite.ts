/**
 * Each of Sentry's release snapshots (13 real exports, 23.9.1 to head), imported in Global scope
 * and exported again through the CLI on both backends, compares to the original with
 * `backup compare --across-versions`: 0 findings, exit 0, only removed models and fields (and
 * fields the registry added) left out, each listed once. The same re-export with one username
 * changed (the last in sorted order gets a character more, so that users keep their order) gives
 * exactly one finding: AutoSuffixComparator on that user, and exit 1.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { runCli, temporaryFolder } from '../helpers/cli.js';
import { hasSharedReference, referencePath } from '../helpers/shared-reference.js';
import { REGISTRY } from '../helpers/registry.js';

const DIR = ['snapshots', 'ReleaseTests'] as const;
const RELEASES = hasSharedReference
  ? readdirSync(referencePath(...DIR)).filter((name) => /^test_at_.+\.export\.json$/.test(name)).sort()
  : [];

interface ExportedUser {
  readonly model: string;
  readonly pk: number;
  readonly fields: { readonly username?: string };
}

/** The users of an export, by username in code-point order (the validator's ordinal order). */
function usersByName(text: string): ExportedUser[] {
  const users = (JSON.parse(text) as ExportedUser[]).filter((object) => object.model === 'sentry.user');
  return users.sort((a, b) => (String(a.fields.username) < String(b.fields.username) ? -1 : 1));
}

/** Every stderr line is a left-out model or field, each once; returns them. */
function leftOut(stderr: string): { models: string[]; left: string[]; right: string[] } {
  const lines = stderr.split('\n').filter((line) => line !== '');
  expect(new Set(lines).size).toBe(lines.length);
  const models: string[] = [];
  const left: string[] = [];
  const right: string[] = [];
  for (const line of lines) {
    const model = /^Left out \(not a model of this registry\): (\S+), (\d+) left and 0 right rows$/.exec(line);
    const field = /^Left out \(only on the (left|right)\): (\S+)$/.exec(line);
    if (model !== null) models.push(model[1] as string);
    else if (field !== null) (field[1] === 'left' ? left : right).push(field[2] as string);
    else expect.fail(`unexpected stderr line: ${line}`);
  }
  return { models, left, right };
}

/** The suite for some backends: each backend's run is a test file of its own, so that the two run side by side. */
export function releaseSnapshotCompare(backends: readonly ('better-sqlite3' | 'sql.js')[]): void {
  describe.skipIf(!hasSharedReference)('release snapshots: import, export, compare across versions', () => {
    it('finds the 13 snapshots', () => {
      expect(RELEASES).toHaveLength(13);
    });

    describe.each(backends)('%s', (backend) => {
      const cwd = temporaryFolder();
      const cli = (...args: string[]) => runCli(['--backend', backend, ...args], cwd);

      it.each(RELEASES)('%s', (release) => {
        const original = referencePath(...DIR, release);
        const name = release.replace('.export.json', '');
        const db = `${name}.sqlite`;
        expect(cli('import', 'global', original, '--db', db, '--no-prompt', '--silent')).toMatchObject({ code: 0 });
        expect(cli('export', 'global', `${name}.out.json`, '--db', db, '--silent')).toMatchObject({ code: 0 });

        const same = runCli(['backup', 'compare', original, `${name}.out.json`, '--across-versions', '--findings-file', `${name}.none.json`], cwd);
        expect(same.stdout).toBe('Done, found 0 differences!\n');
        expect(same.code).toBe(0);
        expect(readFileSync(join(cwd, `${name}.none.json`), 'utf8')).toBe('[]');
        // What was left out: models and fields Sentry removed (left), fields the registry has that
        // the older file lacks (right).
        const { models, left, right } = leftOut(same.stderr);
        expect(models.filter((model) => !REGISTRY.removedModels.has(model))).toEqual([]);
        expect(left.filter((field) => !REGISTRY.removedFields.has(field))).toEqual([]);
        const unknownRight = right.filter((path) => {
          const at = path.lastIndexOf('.');
          return REGISTRY.find(path.slice(0, at))?.fields.some((field) => field.name === path.slice(at + 1)) !== true;
        });
        expect(unknownRight).toEqual([]);

        // One username changed in a copy of the re-export.
        const text = readFileSync(join(cwd, `${name}.out.json`), 'utf8');
        const users = usersByName(text);
        const last = users.at(-1);
        if (last === undefined) return expect.fail('no users');
        const username = String(last.fields.username);
        const field = `"username": ${JSON.stringify(username)},`;
        expect(text.split(field)).toHaveLength(2);
        writeFileSync(join(cwd, `${name}.changed.json`), text.replace(field, `"username": ${JSON.stringify(`${username}x`)},`));
        const leftUser = usersByName(readFileSync(original, 'utf8')).at(-1);
        expect(leftUser?.fields.username).toBe(username);

        const changed = runCli(['backup', 'compare', original, `${name}.changed.json`, '--across-versions', '--findings-file', `${name}.one.json`], cwd);
        const reason = `the left value (${username}) of \`username\` was not equal to or a dashed prefix of the right value (${username}x)`;
        expect(JSON.parse(readFileSync(join(cwd, `${name}.one.json`), 'utf8'))).toEqual([{
          finding: 'ComparatorFinding', kind: 'AutoSuffixComparator', left_pk: leftUser?.pk, on: { model: 'sentry.user', ordinal: users.length },
          reason, right_pk: last.pk,
        }]);
        expect(changed.stdout).toBe('Done, found 1 differences:\n\nComparatorFinding(\n    kind: AutoSuffixComparator,\n'
          + `    on: InstanceID(model: 'sentry.user', ordinal: ${users.length}),\n    left_pk: ${leftUser?.pk},\n    right_pk: ${last.pk},\n`
          + `    reason: ${reason}\n)\n`);
        expect(changed.code).toBe(1);
        expect(changed.stderr).toBe(same.stderr);
      });
    });
  });
}
