/** `relocate backup sanitize`: plain and encrypted in and out, the days offset, and its refusals. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from '../helpers/cli.js';

type SentryObject = { model: string; pk: number; fields: Record<string, unknown> };

describe('relocate backup sanitize', () => {
  let dir: string;
  const cli = (...args: string[]) => runCli(args, dir);
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as SentryObject[];
  beforeAll(() => {
    dir = temporaryFolder();
    expect(cli('seed', 'exhaustive', '--db', 'a.sqlite').code).toBe(0);
    expect(cli('export', 'global', 'plain.json', '--db', 'a.sqlite').code).toBe(0);
    expect(cli('keys', 'generate', '--out', 'keys').code).toBe(0);
    expect(cli('export', 'global', 'plain.tar', '--db', 'a.sqlite', '--encrypt-with', 'keys/key.pub').code).toBe(0);
  });

  it('sanitizes an encrypted export into an encrypted one, with the same objects', () => {
    const run = cli('backup', 'sanitize', 'out.tar', '--src', 'plain.tar', '--decrypt-with', 'keys/key.pem', '--encrypt-with', 'keys/key.pub');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('Sanitized 141 rows to out.tar\n');
    expect(cli('backup', 'decrypt', 'out.json', '--src', 'out.tar', '--decrypt-with', 'keys/key.pem').code).toBe(0);
    const before = read('plain.json');
    const after = read('out.json');
    expect(after.map((object) => [object.model, object.pk])).toEqual(before.map((object) => [object.model, object.pk]));
    const users = (objects: SentryObject[]) => objects.filter((object) => object.model === 'sentry.user').map((object) => object.fields.username);
    expect(users(after).filter((name) => users(before).includes(name))).toEqual([]);
  });

  it('moves every datetime by the days offset, give or take the re-draw', () => {
    expect(cli('backup', 'sanitize', 'later.json', '--src', 'plain.json', '--days-offset', '400', '--silent').code).toBe(0);
    const before = read('plain.json').find((object) => object.model === 'sentry.user')?.fields.date_joined as string;
    const after = read('later.json').find((object) => object.model === 'sentry.user')?.fields.date_joined as string;
    const days = (Date.parse(after) - Date.parse(before)) / 86_400_000;
    // One random shift of up to 30 days either way, plus the offset.
    expect(days).toBeGreaterThan(369);
    expect(days).toBeLessThan(431);
  });

  it('refuses a fractional days offset and an unreadable source, writing nothing', () => {
    const fraction = cli('backup', 'sanitize', 'no.json', '--src', 'plain.json', '--days-offset', '1.5');
    expect(fraction.code).toBe(2);
    expect(fraction.stderr).toContain('--days-offset must be a whole number of days');
    const encrypted = cli('backup', 'sanitize', 'no.json', '--src', 'plain.tar');
    expect(encrypted.code).toBe(2);
    expect(encrypted.stderr).toBe('Error: plain.tar is Sentry\'s encrypted tarball (export.json, data.key, key.pub): pass --decrypt-with PRIVATE_KEY.pem to sanitize it [WrongFileKind]\n');
    expect(existsSync(join(dir, 'no.json'))).toBe(false);
  });
});
