/** `relocate model-dependencies` must write Sentry's four fixture files byte for byte. */
import { describe, expect, it } from 'vitest';
import { renderModelDependencies } from '../../src/core/graph/index.js';

import { MODEL_DEPENDENCIES_DIR, hasSharedReference, readReference } from '../helpers/shared-reference.js';
import { REGISTRY } from '../helpers/registry.js';

describe.skipIf(!hasSharedReference)("Sentry's model dependency fixtures", () => {
  const ours = renderModelDependencies(REGISTRY.models);

  it.each(['detailed.json', 'flat.json', 'sorted.json', 'truncate.json'] as const)('%s is byte-identical', (file) => {
    const theirs = readReference(MODEL_DEPENDENCIES_DIR, file);
    // Compare parsed first, so that a difference is shown as data, then as bytes.
    expect(JSON.parse(ours[file])).toEqual(JSON.parse(theirs));
    expect(ours[file] === theirs).toBe(true);
  });
});
