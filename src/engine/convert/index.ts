export { convertExport, ConvertingError } from './convert-export.js';
export type { ConvertOptions, ConvertResult } from './convert-export.js';
export { ConvertReport } from './convert-report.js';
export type { ConvertChange, ConvertChangeKind, ConvertError } from './convert-report.js';
export { fileShape } from './file-shape.js';
