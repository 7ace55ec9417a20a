/** The sanitizer's primitives: interned, injective, shape-keeping replacements and datetimes in order. */
import { describe, expect, it } from 'vitest';
import { Sanitizer } from '../../src/core/sanitize/sanitizer.js';
import type { RandomInts } from '../../src/core/sanitize/sanitizer.js';
import { sanitizeFields } from '../../src/core/sanitize/sanitize-object.js';
import { REGISTRY } from '../helpers/registry.js';


/** A seeded source, so that failures repeat. */
function seeded(seed = 42): RandomInts {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * below);
  };
}

describe('Sanitizer', () => {
  it('maps a string to one of the same length and character classes, the same way every time', () => {
    const sanitizer = new Sanitizer([], 0, seeded());
    const out = sanitizer.string('Ab3f-X9z');
    expect(out).toHaveLength(8);
    expect(out).toMatch(/^[A-F][a-f][0-9][a-f]-[G-Z][0-9][g-z]$/);
    expect(out).not.toBe('Ab3f-X9z');
    expect(sanitizer.string('Ab3f-X9z')).toBe(out);
    expect(sanitizer.string('')).toBe('');
  });

  it('never maps a value to itself, even when the draw gives it back first', () => {
    // A source that first draws each character of "d4" back (d is LOWER_HEX[3], 4 is DIGITS[4]).
    const draws = [3, 4, 3, 4, 0, 0];
    const sanitizer = new Sanitizer([], 0, () => draws.shift() ?? 1);
    expect(sanitizer.string('d4')).toBe('a0');
    expect(new Sanitizer([], 0, () => 0).string('--')).toBe('--'); // nothing to change
  });

  it('never maps two values to one (short strings included)', () => {
    const sanitizer = new Sanitizer([], 0, seeded());
    const outs = Array.from({ length: 10 }, (_, i) => sanitizer.string(String(i)));
    expect(new Set(outs).size).toBe(10);
  });

  it('maps emails by local part and domain, so a shared domain stays shared', () => {
    const sanitizer = new Sanitizer([], 0, seeded());
    const a = sanitizer.email('alice@example.com');
    const b = sanitizer.email('bob@example.com');
    expect(a.split('@')[1]).toBe(b.split('@')[1]);
    expect(a).not.toContain('alice');
    expect(a.split('@')[1]).not.toBe('example.com');
    expect(sanitizer.email('not-an-email')).toHaveLength('not-an-email'.length);
  });

  it('maps IPs within their family, URLs piece by piece, UUIDs to fresh uuid4s', () => {
    const sanitizer = new Sanitizer([], 0, seeded());
    expect(sanitizer.ip('8.8.8.8')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(sanitizer.ip('8.8.8.8')).not.toBe('8.8.8.8');
    expect(sanitizer.ip('::1')).toMatch(/^fd00(:[0-9a-f]{1,4}){7}$/);
    const url = sanitizer.url('https://sentry.example.com/path/to?q=1#top');
    expect(url).toMatch(/^https:\/\/[a-z]{6}\.[a-z]{7}\.[a-z]{3}\/[a-z]{4}\/[a-z]{2}\?[a-z]=\d#[a-z]{3}$/);
    const uuid = sanitizer.uuid('be1e0823-be1e-465a-8e1f-4491be1fe2c8');
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sanitizer.uuid('be1e0823be1e465a8e1f4491be1fe2c8')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('re-draws datetimes between their neighbours, moves every one, and keeps their order and ties', () => {
    const values = ['2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.001Z', '2024-01-01T00:00:00.002Z', '2024-06-01T12:00:00.000Z', '2024-06-01T12:00:00Z'];
    const sanitizer = new Sanitizer(values, 2, seeded());
    const out = values.map((value) => sanitizer.datetime(value) as string);
    for (let i = 0; i < 3; i++) expect(Date.parse(out[i] as string)).toBeLessThan(Date.parse(out[i + 1] as string));
    expect(out[3]).toBe(out[4]); // the same instant, written two ways, stays one instant
    values.forEach((value, i) => expect(out[i]).not.toBe(value));
    expect(out.every((value) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value))).toBe(true);
  });

  it('gives names pet names and their slugs, and leaves other fields alone', () => {
    const sanitizer = new Sanitizer([], 0, seeded());
    const fields = sanitizeFields(REGISTRY.get('sentry.organization'), { name: 'Acme Corp', slug: 'acme', status: 0 }, sanitizer);
    expect(fields.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ \d+$/);
    expect(fields.slug).toBe(Sanitizer.slugify(fields.name as string));
    expect(fields.status).toBe(0);
    const user = sanitizeFields(REGISTRY.get('sentry.user'), { username: 'admin@localhost', email: 'admin@localhost', password: 'pbkdf2_sha256$1$x', name: 'Admin' }, sanitizer);
    expect(user.username).toBe(user.email);
    expect(user.password).not.toBe('pbkdf2_sha256$1$x');
    expect(String(user.password)).toHaveLength('pbkdf2_sha256$1$x'.length);
  });
});
