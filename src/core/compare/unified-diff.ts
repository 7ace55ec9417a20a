/**
 * A port of Python's `difflib.unified_diff` (and the parts of `difflib.SequenceMatcher`
 * it relies on), so that diff text we print is byte-identical to what Sentry's backup
 * validator prints with `unified_diff(left_lines, right_lines, n=15)`.
 *
 * Only the configuration Sentry uses is supported: `isjunk=None`, `autojunk=True`.
 * The algorithm (Ratcliff/Obershelp-style longest-match recursion, with "popular"
 * elements of long sequences ignored when seeding matches) is the PSF-licensed stdlib
 * one; every tie-break below matters for byte-identical output, so don't "improve" it.
 */

type Tag = 'replace' | 'delete' | 'insert' | 'equal';
/** [tag, i1, i2, j1, j2]: a[i1:i2] relates to b[j1:j2] as `tag` says. */
export type Opcode = [Tag, number, number, number, number];
/** [i, j, size]: a[i:i+size] equals b[j:j+size]. */
type Match = [number, number, number];

/** difflib.SequenceMatcher(None, a, b) with autojunk=True, for sequences of strings. */
export class SequenceMatcher {
  private readonly b2j = new Map<string, number[]>();
  /** Elements of b left out of b2j: they still match, but only by extension of a seed match. */
  private readonly popular = new Set<string>();
  private matchingBlocks: Match[] | undefined;

  constructor(
    private readonly a: readonly string[],
    private readonly b: readonly string[],
  ) {
    b.forEach((elt, i) => {
      const indices = this.b2j.get(elt);
      if (indices) indices.push(i);
      else this.b2j.set(elt, [i]);
    });
    // autojunk: in a sequence of 200+ items, anything occurring in more than 1% + 1 of
    // it is too common to seed a match (this is what keeps difflib fast on big inputs).
    if (b.length >= 200) {
      const ntest = Math.floor(b.length / 100) + 1;
      for (const [elt, idxs] of this.b2j) if (idxs.length > ntest) this.popular.add(elt);
      for (const elt of this.popular) this.b2j.delete(elt);
    }
  }

  /**
   * Longest block a[i:i+k] == b[j:j+k] inside a[alo:ahi] x b[blo:bhi], earliest in a,
   * then earliest in b. With isjunk=None the "junk" set is empty, so only the
   * extension by (popular) equal neighbours applies after the seed search.
   */
  findLongestMatch(alo: number, ahi: number, blo: number, bhi: number): Match {
    const { a, b } = this;
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    // j2len.get(j) = length of the longest match ending at a[i-1], b[j].
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const newj2len = new Map<number, number>();
      for (const j of this.b2j.get(a[i]!) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        newj2len.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = newj2len;
    }
    // Popular elements never seed a match, so grow the best one over equal neighbours.
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) {
      bestsize++;
    }
    return [besti, bestj, bestsize];
  }

  /** Non-adjacent matching blocks in increasing order, ending with the sentinel [la, lb, 0]. */
  getMatchingBlocks(): Match[] {
    if (this.matchingBlocks) return this.matchingBlocks;
    const la = this.a.length;
    const lb = this.b.length;
    // An explicit stack instead of recursion (as difflib does) keeps deep inputs safe.
    const queue: [number, number, number, number][] = [[0, la, 0, lb]];
    const found: Match[] = [];
    while (queue.length > 0) {
      const [alo, ahi, blo, bhi] = queue.pop()!;
      const m = this.findLongestMatch(alo, ahi, blo, bhi);
      const [i, j, k] = m;
      if (k === 0) continue;
      found.push(m);
      if (alo < i && blo < j) queue.push([alo, i, blo, j]);
      if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
    }
    found.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);

    // Blocks found in separate sub-ranges may touch; merge those into one.
    const blocks: Match[] = [];
    let [i1, j1, k1] = [0, 0, 0];
    for (const [i2, j2, k2] of found) {
      if (i1 + k1 === i2 && j1 + k1 === j2) {
        k1 += k2;
      } else {
        if (k1) blocks.push([i1, j1, k1]);
        [i1, j1, k1] = [i2, j2, k2];
      }
    }
    if (k1) blocks.push([i1, j1, k1]);
    blocks.push([la, lb, 0]);
    this.matchingBlocks = blocks;
    return blocks;
  }

  /** Edit script turning a into b; consecutive opcodes tile both sequences. */
  getOpcodes(): Opcode[] {
    const codes: Opcode[] = [];
    let i = 0;
    let j = 0;
    for (const [ai, bj, size] of this.getMatchingBlocks()) {
      if (i < ai && j < bj) codes.push(['replace', i, ai, j, bj]);
      else if (i < ai) codes.push(['delete', i, ai, j, bj]);
      else if (j < bj) codes.push(['insert', i, ai, j, bj]);
      i = ai + size;
      j = bj + size;
      if (size) codes.push(['equal', ai, i, bj, j]);
    }
    return codes;
  }

  /** Hunks of changes, each with up to n lines of unchanged context on either side. */
  getGroupedOpcodes(n = 3): Opcode[][] {
    const codes = this.getOpcodes();
    // Both empty: difflib pretends a one-line equal so the logic below yields nothing.
    if (codes.length === 0) codes.push(['equal', 0, 1, 0, 1]);
    const first = codes[0]!;
    if (first[0] === 'equal') {
      const [tag, i1, i2, j1, j2] = first;
      codes[0] = [tag, Math.max(i1, i2 - n), i2, Math.max(j1, j2 - n), j2];
    }
    const last = codes[codes.length - 1]!;
    if (last[0] === 'equal') {
      const [tag, i1, i2, j1, j2] = last;
      codes[codes.length - 1] = [tag, i1, Math.min(i2, i1 + n), j1, Math.min(j2, j1 + n)];
    }

    const groups: Opcode[][] = [];
    let group: Opcode[] = [];
    for (const code of codes) {
      let [tag, i1, i2, j1, j2] = code;
      // A run of unchanged lines longer than 2n closes the hunk and opens the next one.
      if (tag === 'equal' && i2 - i1 > n + n) {
        group.push([tag, i1, Math.min(i2, i1 + n), j1, Math.min(j2, j1 + n)]);
        groups.push(group);
        group = [];
        i1 = Math.max(i1, i2 - n);
        j1 = Math.max(j1, j2 - n);
      }
      group.push([tag, i1, i2, j1, j2]);
    }
    if (group.length > 0 && !(group.length === 1 && group[0]![0] === 'equal')) groups.push(group);
    return groups;
  }
}

/** difflib._format_range_unified: 1-based "start,length", "start" alone for one line. */
function formatRangeUnified(start: number, stop: number): string {
  const length = stop - start;
  if (length === 1) return `${start + 1}`;
  // An empty range is named by the line just before it.
  return `${length === 0 ? start : start + 1},${length}`;
}

/** Python's difflib.unified_diff(a, b, fromfile='', tofile='', n, lineterm='\n') as a list of lines (each exactly as Python yields it, header lines ending in lineterm). */
export function unifiedDiff(
  a: readonly string[],
  b: readonly string[],
  options: { n?: number; fromfile?: string; tofile?: string; lineterm?: string } = {},
): string[] {
  const { n = 3, fromfile = '', tofile = '', lineterm = '\n' } = options;
  const out: string[] = [];
  for (const group of new SequenceMatcher(a, b).getGroupedOpcodes(n)) {
    if (out.length === 0) out.push(`--- ${fromfile}${lineterm}`, `+++ ${tofile}${lineterm}`);
    const first = group[0]!;
    const last = group[group.length - 1]!;
    out.push(`@@ -${formatRangeUnified(first[1], last[2])} +${formatRangeUnified(first[3], last[4])} @@${lineterm}`);
    for (const [tag, i1, i2, j1, j2] of group) {
      if (tag === 'equal') {
        for (const line of a.slice(i1, i2)) out.push(` ${line}`);
        continue;
      }
      if (tag !== 'insert') for (const line of a.slice(i1, i2)) out.push(`-${line}`);
      if (tag !== 'delete') for (const line of b.slice(j1, j2)) out.push(`+${line}`);
    }
  }
  return out;
}
