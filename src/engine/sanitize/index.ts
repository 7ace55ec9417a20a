export { sanitizeExport, UnreadableSourceError } from './sanitize-export.js';
export type { SanitizeOptions, SanitizeRun } from './sanitize-export.js';
