/**
 * `backup compare` picks the registry from the model names of both files with a byte search
 * (modelNamesIn): it must find exactly the names engine/import's fileModelNames finds, wherever
 * the chunks of the file split it.
 */
import { describe, expect, it } from 'vitest';
import { modelNamesIn } from '../../src/cli/commands/backup.js';
import { ensureSchema } from '../../src/db/open-database.js';
import { fileModelNames } from '../../src/engine/import/index.js';
import { createExhaustiveInstance } from '../../src/engine/seed/index.js';
import { DRIVERS } from '../helpers/drivers.js';
import { exportText, textSource } from '../helpers/import.js';
import { REGISTRY } from '../helpers/registry.js';

const TRICKY = [
  '[',
  '{"model" : "sentry.user", "pk": 1, "fields": {}},',
  '{"model":\t\n"sentry.email", "pk": 1, "fields": {"note": "\\"model\\": \\"not.this\\""}},',
  '{"model":\u00a0"sentry.team", "pk": 1, "fields": {}},', // \s takes a no-break space too
  `{"model"${' '.repeat(3000)}: "sentry.project", "pk": 1, "fields": {}},`,
  '{"model": "Sentry.Upper", "pk": 1, "fields": {"model": 5}},',
  `{"model": "sentry.${'x'.repeat(101)}", "pk": 1, "fields": {}},`,
  '{"model": "sentry.option", "pk": 1, "fields": {"model": "sentry.fieldvalue"}},',
  '{"model": "sentry_nodot", "pk": 2, "fields": {}},',
  '{"model": "sentry.organization"',
].join('\n');

describe('modelNamesIn (backup compare\'s registry choice)', () => {
  const driver = DRIVERS[0]?.open();
  if (driver === undefined) throw new Error('no driver');
  ensureSchema(driver, REGISTRY);
  createExhaustiveInstance(driver, { registry: REGISTRY });
  const exported = exportText(driver);

  it.each([1, 7, 64, 4093, 65536])('finds the names fileModelNames finds, in chunks of %i bytes', (size) => {
    for (const text of [TRICKY, exported]) {
      const expected = fileModelNames(textSource(text, 1 << 20));
      expect(modelNamesIn(textSource(text, size))).toEqual(expected);
    }
    expect(fileModelNames(textSource(TRICKY))).toEqual(new Set(['sentry.user', 'sentry.email', 'sentry.team', 'sentry.project', 'sentry.option', 'sentry.fieldvalue', 'sentry.organization']));
  });

  it('finds names across the seams of chunks of every size, large and small in turn', () => {
    // Many names, each in its own run of padding, so that the seams fall everywhere.
    const text = Array.from({ length: 400 }, (_, i) => `${' '.repeat((i * 997) % 9000)}{"model"${' '.repeat(i % 5)}:${i % 3 === 0 ? '\u2028' : ' '}"app.model_${i}", "pk": ${i}}`).join(',');
    const bytes = new TextEncoder().encode(text);
    let seed = 5;
    const source = {
      *chunks() {
        for (let at = 0; at < bytes.length;) {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          const size = seed % 3 === 0 ? 1 + (seed % 50) : 1 + (seed % 40000);
          yield bytes.slice(at, at + size);
          at += size;
        }
      },
    };
    const names = modelNamesIn(source);
    expect(names.size).toBe(400);
    expect(names).toEqual(fileModelNames(textSource(text, 1 << 20)));
  });
});
