// Sentry's release snapshots through import, export and compare on better-sqlite3 (release-snapshot-compare.suite.ts).
import { releaseSnapshotCompare } from './release-snapshot-compare.suite.js';

releaseSnapshotCompare(['better-sqlite3']);
