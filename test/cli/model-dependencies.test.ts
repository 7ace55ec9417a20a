/** `relocate model-dependencies --out DIR` writes Sentry's four files, byte for byte. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from '../helpers/cli.js';
import { MODEL_DEPENDENCIES_DIR, hasSharedReference, referencePath } from '../helpers/shared-reference.js';

describe.skipIf(!hasSharedReference)('relocate model-dependencies', () => {
  it('writes the four fixture files, identical to Sentry\'s', () => {
    const cwd = temporaryFolder();
    const result = runCli(['model-dependencies', '--out', 'deps'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    for (const file of ['detailed.json', 'flat.json', 'sorted.json', 'truncate.json']) {
      const ours = readFileSync(join(cwd, 'deps', file));
      expect(ours.equals(readFileSync(referencePath(MODEL_DEPENDENCIES_DIR, file))), file).toBe(true);
    }
  });
});
