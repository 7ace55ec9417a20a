import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Builds dist/ (and the inspector page) once before the tests, so that the CLI and browser tests run the code under test. */
export default function setup(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  execFileSync('node', ['scripts/copy-wasm.js'], { cwd: root, stdio: 'inherit' });
  execFileSync('node', ['scripts/build-inspector.js'], { cwd: root, stdio: 'inherit' });
}
