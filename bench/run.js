// `npm run bench`: every benchmark, one after another. Figures and ratios only; nothing asserts.
await import('./driver-port.js');
await import('./export.js');
await import('./import.js');
await import('./check.js');
await import('./compare.js');
await import('./crypto.js');
await import('./inspector.js');
await import('./postgres.js');
await import('./postgres-engine.js');
