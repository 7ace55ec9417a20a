export { sanitizeExport } from './sanitize-export.js';
export type { SanitizeOptions, SanitizeRun } from './sanitize-export.js';
