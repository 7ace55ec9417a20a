/**
 * The head release snapshot sanitized (`relocate backup sanitize`): no password, token, secret,
 * email (or its local part) or IP of the original is left anywhere in the output; the order of
 * all its datetimes holds; and it imports in Global scope and exports back with 0 findings
 * against the sanitized file, on both backends.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from '../helpers/cli.js';
import { hasSharedReference, referencePath } from '../helpers/shared-reference.js';

type SentryObject = { model: string; pk: number; fields: Record<string, unknown> };
const DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** Every string value of the file at the top level of `fields`, with its field name. */
function strings(objects: readonly SentryObject[]): [string, string][] {
  return objects.flatMap((object) => Object.entries(object.fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
}

/** The datetimes of the file in file order. */
function datetimes(objects: readonly SentryObject[]): string[] {
  return strings(objects).map(([, value]) => value).filter((value) => DATETIME.test(value));
}

describe.skipIf(!hasSharedReference)('sanitizing the head release snapshot', () => {
  const head = hasSharedReference ? referencePath('snapshots', 'ReleaseTests', 'test_at_head.export.json') : '';
  let dir: string;
  let original: SentryObject[];
  let sanitized: SentryObject[];
  let text: string;
  beforeAll(() => {
    dir = temporaryFolder();
    const run = runCli(['backup', 'sanitize', 'sanitized.json', '--src', head, '--days-offset', '3', '--silent'], dir);
    expect(run.code, run.stderr).toBe(0);
    original = JSON.parse(readFileSync(head, 'utf8')) as SentryObject[];
    text = readFileSync(join(dir, 'sanitized.json'), 'utf8');
    sanitized = JSON.parse(text) as SentryObject[];
  });

  it('keeps every object of a known model, in order, with its pk', () => {
    const known = original.filter((object) => !['sentry.alertruleexcludedprojects', 'sentry.alertruletriggerexclusion', 'sentry.incidentsubscription'].includes(object.model));
    expect(sanitized.map((object) => [object.model, object.pk])).toEqual(known.map((object) => [object.model, object.pk]));
  });

  it('leaves no password, token, secret, email, email local part or IP of the original', () => {
    const secrets = strings(original).filter(([name, value]) => /password|token|secret/.test(name) && !DATETIME.test(value)).map(([, value]) => value);
    const ips = strings(original).filter(([name]) => name === 'ip_address').map(([, value]) => value);
    const emails = strings(original).map(([, value]) => value).filter((value) => EMAIL.test(value));
    expect(secrets.length).toBeGreaterThan(10);
    expect(ips.length).toBeGreaterThan(0);
    expect(emails.length).toBeGreaterThan(0);
    // A value of a few characters (a token's last four, such as "8910") turns up by chance inside
    // other text often enough to fail one run in a few: it must not be any whole value instead.
    const values = new Set(strings(sanitized).map(([, value]) => value));
    for (const value of [...secrets, ...ips, ...emails]) {
      if (value.length >= 8) expect(text.includes(value), value).toBe(false);
      else expect(values.has(value), value).toBe(false);
    }
    const localParts = new Set(emails.map((email) => email.slice(0, email.indexOf('@'))));
    const outputLocalParts = strings(sanitized).map(([, value]) => value).filter((value) => EMAIL.test(value)).map((email) => email.slice(0, email.indexOf('@')));
    expect(outputLocalParts.filter((part) => localParts.has(part))).toEqual([]);
  });

  it('changes every datetime and keeps the order of all of them', () => {
    const before = datetimes(original);
    const after = datetimes(sanitized.filter((object) => original.some((o) => o.model === object.model)));
    const kept = original.filter((object) => sanitized.some((s) => s.model === object.model && s.pk === object.pk));
    const pairs = datetimes(kept).map((value, i) => [value, after[i] as string] as const);
    expect(pairs.length).toBeGreaterThan(100);
    expect(pairs.filter(([a, b]) => a === b)).toEqual([]);
    for (const [a1, b1] of pairs) {
      for (const [a2, b2] of pairs) expect(Math.sign(Date.parse(a1) - Date.parse(a2))).toBe(Math.sign(Date.parse(b1) - Date.parse(b2)));
    }
    expect(before.length).toBeGreaterThanOrEqual(pairs.length);
  });

  it.each(['better-sqlite3', 'sql.js'])('imports in Global and exports back with 0 findings against it (%s)', (backend) => {
    const cli = (...args: string[]) => runCli(['--backend', backend, ...args], dir);
    expect(cli('import', 'global', 'sanitized.json', '--db', `${backend}.sqlite`, '--no-prompt', '--silent').code).toBe(0);
    expect(cli('export', 'global', `${backend}.json`, '--db', `${backend}.sqlite`, '--silent').code).toBe(0);
    const compare = runCli(['backup', 'compare', 'sanitized.json', `${backend}.json`, '--across-versions'], dir);
    expect(compare.stdout).toBe('Done, found 0 differences!\n');
    expect(compare.code).toBe(0);
  });
});

/** Every string anywhere in a value, JSON text inside strings included (parsed and walked too). */
function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    out.push(value);
    const text = value.trim();
    if (text.startsWith('{') || text.startsWith('[')) {
      try {
        allStrings(JSON.parse(text) as unknown, out);
      } catch { /* text, not JSON */ }
    }
  } else if (Array.isArray(value)) {
    for (const item of value) allStrings(item, out);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) allStrings(item, out);
  }
  return out;
}

const EMBEDDED_EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*/g;
const EMBEDDED_IP = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;

/**
 * Real files keep members' addresses in `user_email` (the head snapshot's are usernames), and
 * copies of addresses in free text and configs: plant them, then look for every email, IP, token
 * and secret of the planted file in every string of the sanitized one, whatever its field.
 */
describe.skipIf(!hasSharedReference)('sanitizing leaves no identifying value in any field', () => {
  let original: SentryObject[];
  let sanitized: SentryObject[];
  beforeAll(() => {
    const dir = temporaryFolder();
    original = JSON.parse(readFileSync(referencePath('snapshots', 'ReleaseTests', 'test_at_head.export.json'), 'utf8')) as SentryObject[];
    const users = new Map(original.filter((object) => object.model === 'sentry.user').map((object) => [object.pk, object]));
    for (const object of original) {
      const user = users.get(object.fields.user_id as number);
      if (object.model === 'sentry.organizationmember' && user !== undefined) {
        user.fields.email = `${String(user.fields.username)}@acme.example`;
        object.fields.user_email = user.fields.email;
      }
      if (object.model === 'sentry.savedsearch') object.fields.query = 'assigned:owner@acme.example is:unresolved';
      if (object.model === 'sentry.option') object.fields.value = JSON.stringify({ allowed: ['198.51.100.7', 'ops@acme.example'] });
    }
    writeFileSync(join(dir, 'planted.json'), JSON.stringify(original, null, 2));
    const run = runCli(['backup', 'sanitize', 'sanitized.json', '--src', 'planted.json', '--silent'], dir);
    expect(run.code, run.stderr).toBe(0);
    sanitized = JSON.parse(readFileSync(join(dir, 'sanitized.json'), 'utf8')) as SentryObject[];
  });

  it('maps each member\'s user_email as its user\'s email', () => {
    const members = sanitized.filter((object) => object.model === 'sentry.organizationmember' && object.fields.user_id !== null);
    expect(members.length).toBeGreaterThan(1);
    const emails = new Map(sanitized.filter((object) => object.model === 'sentry.user').map((object) => [object.pk, object.fields.email]));
    for (const member of members) {
      expect(member.fields.user_email).toBe(emails.get(member.fields.user_id as number));
      expect(String(member.fields.user_email)).not.toContain('acme.example');
    }
  });

  it('keeps no email, IP, token or secret of the file anywhere, nested JSON included', () => {
    const before = original.flatMap((object) => allStrings(object.fields));
    const identifying = new Set([
      ...before.flatMap((text) => text.match(EMBEDDED_EMAIL) ?? []),
      ...before.flatMap((text) => text.match(EMBEDDED_IP) ?? []),
      ...original.flatMap((object) => Object.entries(object.fields)
        .filter(([name, value]) => /password|token|secret/.test(name) && typeof value === 'string' && value.length >= 8 && !DATETIME.test(value))
        .map(([, value]) => value as string)),
    ]);
    expect(identifying.size).toBeGreaterThan(15);
    const after = sanitized.flatMap((object) => allStrings(object.fields));
    const left = [...identifying].filter((value) => after.some((text) => text.includes(value)));
    expect(left).toEqual([]);
  });
});
