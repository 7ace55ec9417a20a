/** JSON text as Python's json.dumps writes it (checked against Python where it is installed). */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PyFloat, compareCodePoints, dumpPythonJson, pythonFloat, pythonString } from '../../src/core/json/python-json.js';

const python = spawnSync('/usr/bin/python3', ['--version']).status === 0 ? '/usr/bin/python3' : undefined;

function pythonDumps(value: unknown, indent: number | null, sortKeys: boolean): string {
  const script = `import json,sys; v=json.loads(sys.stdin.read()); sys.stdout.write(json.dumps(v, indent=${indent ?? 'None'}, sort_keys=${sortKeys ? 'True' : 'False'}))`;
  return spawnSync(python as string, ['-c', script], { input: JSON.stringify(value), encoding: 'utf8' }).stdout;
}

const SAMPLE = {
  zeta: ['é', 'snow ☃', 'smile 🙂', 'quote " back \\ slash', 'tab\tnew\nline', '\u0000\u001f\u007f'],
  alpha: { nested: [], empty: {}, n: -12, t: true, f: false, none: null },
  floats: [0.1, 1.5, 1e-7, 123456789.125, 1.0e22],
};

describe('dumpPythonJson', () => {
  it('writes indented JSON with sorted keys', () => {
    expect(dumpPythonJson({ b: [1, 2], a: {} }, { indent: 2, sortKeys: true })).toBe('{\n  "a": {},\n  "b": [\n    1,\n    2\n  ]\n}');
  });

  it('writes one line with Python separators when not indented', () => {
    expect(dumpPythonJson({ a: [1, 'x'], b: null })).toBe('{"a": [1, "x"], "b": null}');
  });

  it('escapes like ensure_ascii', () => {
    expect(pythonString('é🙂\u007f"\\\n')).toBe('"\\u00e9\\ud83d\\ude42\\u007f\\"\\\\\\n"');
  });

  it('writes floats as Python repr does', () => {
    expect([100, 0.1, 1e16, 1e-5, 1.5e-7, 123.456, -2.5, 1e22, 0.0001].map(pythonFloat)).toEqual([
      '100.0', '0.1', '1e+16', '1e-05', '1.5e-07', '123.456', '-2.5', '1e+22', '0.0001',
    ]);
    expect(dumpPythonJson([new PyFloat(3), 3])).toBe('[3.0, 3]');
  });

  it('sorts keys by code point, as Python does', () => {
    expect(['\uffff', '\u{1f642}', 'a'].sort(compareCodePoints)).toEqual(['a', '\uffff', '\u{1f642}']);
  });

  it.skipIf(python === undefined).each([
    [2, true],
    [null, false],
    [4, false],
  ] as const)('matches Python byte for byte (indent %s, sort_keys %s)', (indent, sortKeys) => {
    const ours = dumpPythonJson(SAMPLE, { ...(indent !== null && { indent }), sortKeys });
    expect(ours).toBe(pythonDumps(SAMPLE, indent, sortKeys));
  });
});
