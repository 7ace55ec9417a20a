export { checkExport, checkExportAll } from './check-export.js';
export type { CheckOptions, CheckSummary, KindCount } from './check-export.js';
export { RepairPlan } from './repair-plan.js';
