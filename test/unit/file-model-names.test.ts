/**
 * The model names a file holds, found in its bytes without decoding it (what chooses the Sentry
 * version a new database or a check reads it as): every name, however the chunks cut it, and
 * nothing that only looks like one; and the known name nearest a misspelt one.
 */
import { describe, expect, it } from 'vitest';
import { nearestName } from '../../src/core/text/nearest-name.js';
import { fileModelNames } from '../../src/engine/import/file-models.js';

const bytes = (text: string) => new TextEncoder().encode(text);

function namesAtEverySize(text: string): Set<string> {
  const all = bytes(text);
  const whole = fileModelNames({ chunks: () => [all] });
  for (const size of [1, 2, 5, 7, 13, 64, 319, 320, 321, 1000]) {
    const chunked = fileModelNames({ *chunks() { for (let at = 0; at < all.length; at += size) yield all.subarray(at, at + size); } });
    expect([...chunked].sort(), `chunks of ${size}`).toEqual([...whole].sort());
  }
  return whole;
}

describe('fileModelNames', () => {
  it('finds every model name, in any layout, across chunk boundaries', () => {
    const filler = 'x'.repeat(700);
    const text = `Still exporting\n[{"model": "sentry.user", "pk": 1, "fields": {"name": "${filler}"}},\n {"model" :\n "monitors.monitor", "pk": 2, "fields": {}},{"model":"sites.site","pk":3,"fields":{}}]`;
    expect([...namesAtEverySize(text)].sort()).toEqual(['monitors.monitor', 'sentry.user', 'sites.site']);
  });

  it('takes only what is shaped like a model name', () => {
    const text = '[{"model": "Sentry.User"}, {"model": "nodot"}, {"model": "a.b\\"c"}, {"models": "sentry.team"}, {"model": 5}, {"model": "sentry.email"}]';
    expect([...namesAtEverySize(text)]).toEqual(['sentry.email']);
  });

  it('finds names across the seams of chunks of every size, large and small in turn', () => {
    // Many names, each after its own run of padding, so that the seams fall everywhere.
    const text = Array.from({ length: 400 }, (_, i) => `${' '.repeat((i * 997) % 9000)}{"model"${' '.repeat(i % 5)}:${i % 3 === 0 ? '\n' : ' '}"app.model_${i}", "pk": ${i}}`).join(',');
    const all = bytes(text);
    let seed = 5;
    const names = fileModelNames({
      *chunks() {
        for (let at = 0; at < all.length;) {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          const size = seed % 3 === 0 ? 1 + (seed % 50) : 1 + (seed % 40000);
          yield all.slice(at, at + size);
          at += size;
        }
      },
    });
    expect(names.size).toBe(400);
    expect(names).toEqual(fileModelNames({ chunks: () => [all] }));
  });
});

describe('nearestName', () => {
  it('names the nearest known name within a third of the length, and nothing beyond', () => {
    const known = ['sentry.user', 'sentry.useremail', 'sentry.organization'];
    expect(nearestName('sentri.user', known)).toBe('sentry.user');
    expect(nearestName('sentry.usremail', known)).toBe('sentry.useremail');
    expect(nearestName('SENTRY.ORGANISATION', known)).toBe('sentry.organization');
    expect(nearestName('acme.widget', known)).toBeUndefined();
  });
});
