export { planRepair, repairedObjects } from './repair-export.js';
export type { RepairCheck } from './repair-export.js';
