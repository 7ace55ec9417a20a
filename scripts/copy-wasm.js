// Copies sql.js's WebAssembly binary into wasm/, where the browser inspector serves it from.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sqlJsDist = dirname(createRequire(import.meta.url).resolve('sql.js'));
mkdirSync(join(root, 'wasm'), { recursive: true });
copyFileSync(join(sqlJsDist, 'sql-wasm.wasm'), join(root, 'wasm', 'sql-wasm.wasm'));
