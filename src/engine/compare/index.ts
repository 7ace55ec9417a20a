export { compareExports, UnreadableSideError } from './compare-exports.js';
export type { CompareOptions, CompareResult } from './compare-exports.js';
export type { ConvertedAway } from './converted-through.js';
