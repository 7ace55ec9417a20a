export { inspectExport, LISTED_DANGLING_KEYS } from './inspect-export.js';
export type { InspectResult } from './inspect-export.js';
