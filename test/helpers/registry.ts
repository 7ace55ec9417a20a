/** The Sentry version most tests run against: the verified base (tests of other versions name theirs). */
import { VERIFIED_REGISTRY } from '../../src/core/registry/index.js';

export const REGISTRY = VERIFIED_REGISTRY;
