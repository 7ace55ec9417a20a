// Builds the browser inspector into dist/inspector/: the page, its script and its worker (the
// engine modules bundled by esbuild from src/, the same modules the CLI runs), and sql.js's wasm
// from wasm/, plus that wasm inlined in a classic script for a page opened from disk.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'inspector');
mkdirSync(out, { recursive: true });

const result = await build({
  entryPoints: { inspector: join(root, 'src/inspector/main.ts'), worker: join(root, 'src/inspector/worker.ts') },
  outdir: out,
  bundle: true,
  // Classic scripts: a page opened from disk may not load modules.
  format: 'iife',
  platform: 'browser',
  target: ['chrome110', 'firefox115', 'safari16'],
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
// Which source files each script was bundled from, beside (not inside) the page: the tests check
// that the page runs the engine's own modules, the ones the CLI runs.
const inputs = Object.fromEntries(Object.entries(result.metafile.outputs)
  .filter(([name]) => name.endsWith('.js'))
  .map(([name, output]) => [name.slice(name.lastIndexOf('/') + 1), Object.keys(output.inputs).sort()]));
writeFileSync(join(root, 'dist', 'inspector-inputs.json'), `${JSON.stringify(inputs, null, 2)}\n`);
for (const file of ['index.html', 'inspector.css']) copyFileSync(join(root, 'src/inspector', file), join(out, file));
const wasm = readFileSync(join(root, 'wasm', 'sql-wasm.wasm'));
copyFileSync(join(root, 'wasm', 'sql-wasm.wasm'), join(out, 'sql-wasm.wasm'));
writeFileSync(join(out, 'sql-wasm-inline.js'), `// sql-wasm.wasm (sql.js ${JSON.parse(readFileSync(join(root, 'node_modules/sql.js/package.json'), 'utf8')).version}) for a page opened from disk.\nglobalThis.RELOCATE_SQL_WASM = "${wasm.toString('base64')}";\n`);
