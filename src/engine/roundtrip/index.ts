export { roundtrip, memoryStore } from './roundtrip.js';
export type { RoundtripOptions, RoundtripResult, RoundtripStore } from './roundtrip.js';
