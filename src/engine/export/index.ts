export { exportInScope, exportRowsInScope, modelsInScope } from './export-in-scope.js';
export type { ExportOptions, ExportProgress, ExportRun, ExportRowsRun } from './export-in-scope.js';
export { ExportReport, ModelExportReport } from './export-report.js';
export { ExportingError } from './export-error.js';
export type { ExportErrorKind } from './export-error.js';
export { globallyPrivilegedUsers } from './export-filters.js';
