/**
 * The worker the served page runs its session in: the engine's long synchronous work (import,
 * compare, export) happens here, so the page stays responsive and shows progress.
 */
import { loadSqlJs } from '../backends/sql-js/index.js';
import { InspectorSession } from './session.js';
import { describeError } from './session-protocol.js';
import type { Download, Progress, SessionReply, SessionRequest } from './session-protocol.js';
import type { GivenFile } from './sources.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<SessionRequest>) => void) | null;
  postMessage(message: SessionReply, transfer?: Transferable[]): void;
}
const scope = globalThis as unknown as WorkerScope;

// sql.js asks for its own file name; the build puts the wasm beside this script.
const session = loadSqlJs({ locateFile: () => 'sql-wasm.wasm' }).then((SQL) => new InspectorSession(SQL));

/** Progress at most every 50 ms: more would only queue messages behind the work. */
function throttled(id: number): (progress: Progress) => void {
  let last = 0;
  return (progress) => {
    const now = performance.now();
    if (now - last < 50 && progress.done < progress.total) return;
    last = now;
    scope.postMessage({ id, progress });
  };
}

async function run(target: InspectorSession, request: SessionRequest): Promise<unknown> {
  const args = request.args;
  switch (request.method) {
    case 'open': return target.open(args[0] as GivenFile, throttled(request.id));
    case 'rows': return target.rows(args[0] as string, args[1] as number, args[2] as number);
    case 'offsetOf': return target.offsetOf(args[0] as string, args[1] as number, args[2] as number);
    case 'compare': return target.compare(args[0] as GivenFile, args[1] as boolean);
    case 'exportSubset': return target.exportSubset(args[0] as Parameters<InspectorSession['exportSubset']>[0]);
    case 'sanitize': return target.sanitize(args[0] as number);
    case 'database': return target.database();
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  session.then((target) => run(target, request)).then(
    (result) => {
      const bytes = (result as Partial<Download> | undefined)?.bytes;
      scope.postMessage({ id: request.id, result }, bytes instanceof Uint8Array ? [bytes.buffer as ArrayBuffer] : []);
    },
    (error: unknown) => scope.postMessage({ id: request.id, error: describeError(error) }),
  );
};
