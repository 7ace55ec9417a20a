// Sentry's release snapshots through import, export and compare on sql.js (release-snapshot-compare.suite.ts).
import { releaseSnapshotCompare } from './release-snapshot-compare.suite.js';

releaseSnapshotCompare(['sql.js']);
