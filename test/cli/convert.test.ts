/**
 * `relocate versions` and `relocate convert`: the version read from the file (said, with why) or
 * given, DEST in export's bytes (the engine's output) or encrypted, `--report` as import's (sorted
 * keys, indent 2), values the target refuses listed with DEST still written and exit 1, every
 * refusal one line, exit 2, nothing written; and `backup compare --converted-through` on a file and
 * its conversion there and back.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../src/core/json/export-writer.js';
import { dumpPythonJson } from '../../src/core/json/python-json.js';
import { NEWEST_REGISTRY, REGISTRIES, SENTRY_25_1_0, describeFileVersions, fileVersionsOf } from '../../src/core/registry/index.js';
import { convertExport, fileShape } from '../../src/engine/convert/index.js';
import { runCli, temporaryFolder } from '../helpers/cli.js';
import type { CliResult } from '../helpers/cli.js';
import { seededExport } from '../helpers/exports.js';
import { textSource } from '../helpers/import.js';

let dir: string;
const at = (name: string) => join(dir, name);
const cli = (...args: string[]) => runCli(args, dir);
const ok = (result: CliResult) => expect(result.code, result.stderr).toBe(0);

/** Exit 2, exactly this one line on stderr, nothing on stdout, DEST and the report never written. */
function expectRefused(result: CliResult, line: string): void {
  expect(result.stderr).toBe(`${line}\n`);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(existsSync(at('never.json'))).toBe(false);
  expect(existsSync(at('never.report.json'))).toBe(false);
}

beforeAll(() => {
  dir = temporaryFolder();
  const seeded = readFileSync(seededExport(dir), 'utf8');
  // Without issue views: their stars would be made now, so the CLI's bytes and the engine's would differ in a date.
  const objects = (JSON.parse(seeded) as { model: string }[]).filter((object) => object.model !== 'sentry.groupsearchview');
  writeFileSync(at('old.json'), JSON.stringify(objects, null, 2));
  ok(cli('keys', 'generate', '--out', 'keys'));
  ok(cli('backup', 'encrypt', 'old.tar', '--src', 'old.json', '--encrypt-with', 'keys/key.pub'));
});

describe('relocate versions', () => {
  it('lists every known version, oldest first: the version, a tab, what it is', () => {
    const run = cli('versions');
    ok(run);
    expect(run.stdout).toBe(REGISTRIES.map((registry) => `${registry.version}\t${registry.description}\n`).join(''));
    expect(run.stdout.split('\n')[0]).toMatch(/^25\.1\.0\tSentry of January 2025 .*verified/);
    expect(run.stderr).toBe('');
  });
});

describe('relocate convert', () => {
  it('reads the file as the version it is consistent with, says which and why, and writes what the engine makes', () => {
    const run = cli('convert', 'old.json', 'new.json', '--to', NEWEST_REGISTRY.version, '--report', 'new.report.json');
    ok(run);
    const text = readFileSync(at('old.json'), 'utf8');
    const why = describeFileVersions(fileVersionsOf(fileShape(textSource(text))));
    const [reading, summary, ...rest] = run.stderr.split('\n');
    expect(reading).toBe(`Reading old.json as Sentry 25.1.0 (pass --from to choose): ${why}`);
    expect(summary).toMatch(/^Converted \d+ rows of Sentry 25\.1\.0 from old\.json to \d+ rows for Sentry 26\.9\.0 in new\.json; rows: 1 renamed, \d+ dropped; .*; every change in new\.report\.json$/);
    expect(rest).toEqual(['']);
    const engine = convertExport(textSource(text), { from: SENTRY_25_1_0, to: NEWEST_REGISTRY });
    expect(readFileSync(at('new.json'), 'utf8')).toBe(renderExport(engine.objects));
    expect(readFileSync(at('new.report.json'), 'utf8')).toBe(`${dumpPythonJson(engine.report.toJSON(), { indent: 2, sortKeys: true })}\n`);
    expect(run.stdout).toBe('');

    // Back, with the version given: nothing to say about it.
    const back = cli('convert', 'new.json', 'back.json', '--to', '25.1.0', '--from', NEWEST_REGISTRY.version);
    ok(back);
    expect(back.stderr).toMatch(/^Converted \d+ rows of Sentry 26\.9\.0 from new\.json to \d+ rows for Sentry 25\.1\.0 in back\.json; .*; see --report FILE for every change\n$/);
    expect(readFileSync(at('back.json'), 'utf8')).toContain('"model": "sentry.monitor"');

    // There and back is the original, but for what the newer version cannot hold.
    const same = cli('backup', 'compare', 'old.json', 'back.json', '--converted-through', NEWEST_REGISTRY.version);
    expect(same.stdout).toBe('Done, found 0 differences!\n');
    expect(same.code).toBe(0);
    expect(same.stderr).toContain(`Left out (Sentry ${NEWEST_REGISTRY.version} cannot hold it): sentry.neglectedrule, 1 left and 0 right rows\n`);
    expect(same.stderr).toContain(`Left out (Sentry ${NEWEST_REGISTRY.version} cannot hold it): sentry.monitor.type\n`);
    expect(cli('backup', 'compare', 'old.json', 'back.json', '--across-versions').code).toBe(1);
  });

  it('reads and writes Sentry\'s encrypted tarball: the same objects as the plain conversion', () => {
    ok(cli('convert', 'old.tar', 'new.tar', '--to', NEWEST_REGISTRY.version, '--decrypt-with', 'keys/key.pem', '--encrypt-with', 'keys/key.pub', '--silent'));
    ok(cli('backup', 'decrypt', 'new.decrypted.json', '--src', 'new.tar', '--decrypt-with', 'keys/key.pem'));
    expect(JSON.parse(readFileSync(at('new.decrypted.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(at('new.json'), 'utf8')));
  });

  it('lists a value the target refuses, still writes DEST, and exits 1', () => {
    const key = 'k'.repeat(129);
    writeFileSync(at('long.json'), JSON.stringify([{ model: 'sentry.option', pk: 1, fields: { key, last_updated: '2024-05-16T20:51:24.076Z', last_updated_by: 'unknown', value: '"x"' } }], null, 2));
    const run = cli('convert', 'long.json', 'long.out.json', '--to', '25.1.0', '--from', '25.1.0', '--report', 'long.report.json');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('Refused by Sentry 25.1.0: sentry.option pk 1 (line 2), field key: 129 characters, longer than the 128 Sentry 25.1.0 allows\n'
      + 'Converted 1 row of Sentry 25.1.0 from long.json to 1 row for Sentry 25.1.0 in long.out.json; 1 value Sentry 25.1.0 refuses, written as they were: '
      + 'its import fails on them until they are fixed; every change in long.report.json\n');
    expect((JSON.parse(readFileSync(at('long.out.json'), 'utf8')) as { fields: { key: string } }[])[0]?.fields.key).toBe(key);
    expect((JSON.parse(readFileSync(at('long.report.json'), 'utf8')) as { errors: unknown[] }).errors).toEqual([
      { field: 'key', line: 2, model: 'sentry.option', pk: 1, reason: '129 characters, longer than the 128 Sentry 25.1.0 allows' },
    ]);
  });

  it('refuses an unknown version, an unreadable or wrong source, and a model of no Sentry app: one line, exit 2, nothing written', () => {
    const never = ['never.json', '--report', 'never.report.json'];
    expectRefused(cli('convert', 'old.json', ...never, '--to', '27.0.0'),
      'Error: --to "27.0.0" is not a Sentry version relocate knows; known versions: 25.1.0, 26.9.0 (see relocate versions)');
    expectRefused(cli('convert', 'old.json', ...never, '--to', '25.1.0', '--from', '24'),
      'Error: --from "24" is not a Sentry version relocate knows; known versions: 25.1.0, 26.9.0 (see relocate versions)');
    expectRefused(cli('convert', 'missing.json', ...never, '--to', '25.1.0'), 'Error: Cannot read missing.json: there is no such file (check the path)');
    expectRefused(cli('convert', 'old.json', 'never.json', '--report', 'nowhere/never.report.json', '--to', '25.1.0'),
      'Error: Cannot write nowhere/never.report.json: the folder nowhere/ does not exist (create it first)');
    expectRefused(cli('convert', 'old.tar', ...never, '--to', '25.1.0'),
      'Error: old.tar is Sentry\'s encrypted tarball (export.json, data.key, key.pub): pass --decrypt-with PRIVATE_KEY.pem to convert it [WrongFileKind]');
    writeFileSync(at('bad.json'), '[{"model": "sentry.option", "pk": 1, "fields": {}},\n {"model": "sentry.option", "pk": 2.5, "fields": {}}]');
    expectRefused(cli('convert', 'bad.json', ...never, '--to', '25.1.0'),
      'Error: Invalid source JSON in bad.json at line 2: expected "pk" to be an integer, got 2.5 [DeserializationFailed]');
    writeFileSync(at('alien.json'), '[{"model": "acme.widget", "pk": 1, "fields": {}}]');
    expectRefused(cli('convert', 'alien.json', ...never, '--to', '25.1.0', '--from', '25.1.0'),
      'Error: Cannot convert alien.json: unknown model "acme.widget" at line 1 (pk 1): not a Sentry model name (expected "app_label.model", such as "sentry.user") [UnknownModel]');
  });
});
