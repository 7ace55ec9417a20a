/**
 * The worker the served page runs its session in: the engine's long synchronous work (import,
 * compare, export) happens here, so the page stays responsive and shows progress.
 */
import { loadSqlJs } from '../backends/sql-js/index.js';
import { InspectorSession } from './session.js';
import { describeError, messageId, parseRequest } from './session-protocol.js';
import type { Download, Progress, SessionReply, SessionRequest } from './session-protocol.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
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
  switch (request.method) {
    case 'open': return target.open(request.args[0], throttled(request.id));
    case 'rows': return target.rows(...request.args);
    case 'offsetOf': return target.offsetOf(...request.args);
    case 'compare': return target.compare(...request.args);
    case 'exportSubset': return target.exportSubset(...request.args);
    case 'sanitize': return target.sanitize(...request.args);
    case 'convert': return target.convert(...request.args);
    case 'database': return target.database();
    case 'check': return target.check();
    case 'repaired': return target.repaired();
  }
}

scope.onmessage = (event) => {
  let request: SessionRequest;
  try {
    request = parseRequest(event.data);
  } catch (error) {
    const id = messageId(event.data);
    // Without an id there is no request to answer: thrown, it reaches the page as the worker's error event.
    if (id === undefined) throw error;
    scope.postMessage({ id, error: describeError(error) });
    return;
  }
  session.then((target) => run(target, request)).then(
    (result) => {
      const bytes = (result as Partial<Download> | undefined)?.bytes;
      scope.postMessage({ id: request.id, result }, bytes instanceof Uint8Array ? [bytes.buffer as ArrayBuffer] : []);
    },
    (error: unknown) => scope.postMessage({ id: request.id, error: describeError(error) }),
  );
};
