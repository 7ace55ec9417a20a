/**
 * The upstream files the 26.x delta was read from, each at the commit the index reported for it.
 * `SNAPSHOT_2025` is a commit whose tree the index holds for many model files at once; its tree is of
 * autumn 2025 (it has data forwarders, but not the replay-access model whose migration is dated
 * 2025-12-02), so it bounds when the changes it shows were first released.
 */
import type { Upstream } from '../registry.js';

export const SNAPSHOT_2025 = '57915b5d48ce6aaf45bb1d6cd66e717def85e4fd';

export const at2025 = (path: string, pr?: number): Upstream => ({ path, commit: SNAPSHOT_2025, ...(pr !== undefined && { pr }) });

/** The first release whose cut follows the autumn-2025 snapshot: an upper bound for what it shows. */
export const BY_SNAPSHOT = '25.12.0';
export const BY_SNAPSHOT_NOTE = 'present in the autumn-2025 tree; the first release is not established, 25.12.0 is an upper bound';

export const EXPLORE_2026 = '0ea7d7fbd1fcf94ada19c8cd19083f309c4759d0';
/** explore/models.py as of 2026-10 (formulas included): the trace-attribute models' final shape. */
export const EXPLORE_2026_10 = '1c65848412d1e50c2ed3bc65d45cc592ca895af2';
