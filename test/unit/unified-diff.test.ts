/** unifiedDiff must give exactly the lines Python's difflib.unified_diff gives (checked against Python where installed). */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/core/compare/unified-diff.js';

const python = spawnSync('/usr/bin/python3', ['--version']).status === 0 ? '/usr/bin/python3' : undefined;

const range = (lo: number, hi: number): string[] => Array.from({ length: hi - lo }, (_, i) => String(lo + i));
const HEADER = ['--- \n', '+++ \n'];

describe('unifiedDiff (hand-written cases)', () => {
  it('gives nothing for identical or both-empty inputs', () => {
    expect(unifiedDiff(range(1, 41), range(1, 41), { n: 15 })).toEqual([]);
    expect(unifiedDiff([], [])).toEqual([]);
  });

  it('shows one changed line in the middle of 40 with 15 lines of context', () => {
    const b = range(1, 41);
    b[19] = 'changed';
    expect(unifiedDiff(range(1, 41), b, { n: 15 })).toEqual([
      ...HEADER,
      '@@ -5,31 +5,31 @@\n',
      ...range(5, 20).map((l) => ` ${l}`),
      '-20',
      '+changed',
      ...range(21, 36).map((l) => ` ${l}`),
    ]);
  });

  it('shows insertions at the start and at the end', () => {
    expect(unifiedDiff(['x', 'y', 'z'], ['new', 'x', 'y', 'z'], { n: 1 })).toEqual([...HEADER, '@@ -1 +1,2 @@\n', '+new', ' x']);
    expect(unifiedDiff(['x', 'y', 'z'], ['x', 'y', 'z', 'new'], { n: 1 })).toEqual([...HEADER, '@@ -3 +3,2 @@\n', ' z', '+new']);
  });

  it('shows deletions, naming an empty range by the line before it', () => {
    expect(unifiedDiff(['x', 'y', 'z'], ['x', 'z'], { n: 0 })).toEqual([...HEADER, '@@ -2 +1,0 @@\n', '-y']);
    expect(unifiedDiff(['a', 'b'], ['c', 'd'], { n: 0 })).toEqual([...HEADER, '@@ -1,2 +1,2 @@\n', '-a', '-b', '+c', '+d']);
    expect(unifiedDiff(['a'], ['b'], { n: 0 })).toEqual([...HEADER, '@@ -1 +1 @@\n', '-a', '+b']);
  });

  it('handles an empty side', () => {
    expect(unifiedDiff([], ['a', 'b'])).toEqual([...HEADER, '@@ -0,0 +1,2 @@\n', '+a', '+b']);
    expect(unifiedDiff(['a'], [])).toEqual([...HEADER, '@@ -1 +0,0 @@\n', '-a']);
  });

  it('diffs JSON dicts as Sentry does (json.dumps(indent=2, sort_keys=True).splitlines(), n=15)', () => {
    const left = ['{', '  "fields": {', '    "email": "a@x.com",', '    "is_active": true,', '    "name": "A"', '  },', '  "model": "sentry.user",', '  "pk": 1', '}'];
    const right = ['{', '  "fields": {', '    "email": "b@x.com",', '    "extra": null,', '    "is_active": true,', '    "name": "A"', '  },', '  "model": "sentry.user",', '  "pk": 1', '}'];
    expect(unifiedDiff(left, right, { n: 15 })).toEqual([
      ...HEADER,
      '@@ -1,9 +1,10 @@\n',
      ' {',
      '   "fields": {',
      '-    "email": "a@x.com",',
      '+    "email": "b@x.com",',
      '+    "extra": null,',
      '     "is_active": true,',
      '     "name": "A"',
      '   },',
      '   "model": "sentry.user",',
      '   "pk": 1',
      ' }',
    ]);
  });

  it('uses fromfile, tofile and lineterm in the header lines only', () => {
    expect(unifiedDiff(['a', 'b'], ['c', 'd'], { fromfile: 'L', tofile: 'R', lineterm: '' })).toEqual(['--- L', '+++ R', '@@ -1,2 +1,2 @@', '-a', '-b', '+c', '+d']);
  });
});

/** mulberry32: a small seeded PRNG, so failures reproduce. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case { a: string[]; b: string[]; n: number }

/** Pairs of line lists with many repeats (so autojunk and tie-breaks matter), some ≥200 lines long. */
function randomCases(count: number, seed: number): Case[] {
  const rand = prng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  let unique = 0;
  const cases: Case[] = [];
  for (let c = 0; c < count; c++) {
    const alphabet = Array.from({ length: int(1, 12) }, (_, i) => pick(['  },', '"x": 1,', '', 'é', 'line']) + i);
    // Mostly repeats, sometimes a line seen nowhere else (those seed the matches when autojunk applies).
    const line = (): string => (rand() < 0.15 ? `u${unique++}` : pick(alphabet));
    const length = rand() < 0.4 ? int(200, 300) : int(0, 60);
    const a = Array.from({ length }, line);
    let b: string[];
    if (rand() < 0.25) {
      b = Array.from({ length: rand() < 0.4 ? int(200, 300) : int(0, 60) }, line);
    } else {
      // Edit a copy of a, as real before/after pairs are mostly alike.
      b = [...a];
      for (let e = int(0, 8); e > 0; e--) {
        const at = int(0, b.length);
        const del = int(0, 5);
        b.splice(at, del, ...Array.from({ length: int(0, 5) }, line));
      }
    }
    cases.push({ a, b, n: pick([0, 1, 3, 15]) });
  }
  return cases;
}

describe('unifiedDiff against Python difflib', () => {
  it.skipIf(python === undefined)('matches difflib.unified_diff on 300 random pairs (skipped when /usr/bin/python3 is missing)', () => {
    const cases = randomCases(300, 20240607);
    expect(cases.some((c) => c.b.length >= 200)).toBe(true);
    const script =
      'import difflib,json,sys\n' +
      'cases = json.loads(sys.stdin.read())\n' +
      'json.dump([list(difflib.unified_diff(c["a"], c["b"], n=c["n"])) for c in cases], sys.stdout)\n';
    const run = spawnSync(python as string, ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    const expected = JSON.parse(run.stdout) as string[][];
    expect(expected).toHaveLength(cases.length);
    let nonEmpty = 0;
    cases.forEach((c, i) => {
      const got = unifiedDiff(c.a, c.b, { n: c.n });
      if (got.length > 0) nonEmpty++;
      expect(got, `case ${i} (n=${c.n}, ${c.a.length} vs ${c.b.length} lines)`).toEqual(expected[i]);
    });
    expect(nonEmpty).toBeGreaterThan(250);
  });
});
