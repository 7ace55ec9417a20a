/**
 * The page's handle on its session. Served over http(s), the session runs in a worker; opened
 * from disk (file://), where browsers allow neither workers nor fetching the wasm, it runs on the
 * page's thread with the wasm the build inlined into `sql-wasm-inline.js`.
 */
import { loadSqlJs } from '../backends/sql-js/index.js';
import { InspectorSession } from './session.js';
import { messageId, parseReply, parseResult } from './session-protocol.js';
import type { Progress, SessionApi, SessionMethod, SessionReply, SessionResult } from './session-protocol.js';

/** An error the session reported, with its kind (DeserializationFailed, InvalidToken, MalformedMessage, ...). */
export class SessionError extends Error {
  constructor(readonly kind: string, message: string) {
    super(message);
  }
}

export async function connectSession(): Promise<SessionApi> {
  if (location.protocol !== 'file:' && typeof Worker !== 'undefined') return workerSession(new Worker('worker.js'));
  return localSession();
}

/** The part of a Worker the page uses (a stand-in in the unit tests). */
export interface SessionWorker {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: unknown): void;
}

interface Waiter {
  readonly method: SessionMethod;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (progress: Progress) => void;
}

/** The session in a worker: each reply is checked (its shape, then its method's result) before it is used. */
export function workerSession(worker: SessionWorker): SessionApi {
  let nextId = 1;
  const pending = new Map<number, Waiter>();
  const fail = (ids: Iterable<number>, error: SessionError) => {
    for (const id of [...ids]) {
      pending.get(id)?.reject(error);
      pending.delete(id);
    }
  };
  worker.onmessage = (event) => {
    let reply: SessionReply;
    try {
      reply = parseReply(event.data);
    } catch (error) {
      // A reply that names a waiting request fails that request; one that names none fails them all,
      // since which one it was meant for cannot be known.
      const id = messageId(event.data);
      fail(id !== undefined && pending.has(id) ? [id] : pending.keys(), new SessionError('MalformedMessage', (error as Error).message));
      return;
    }
    const waiter = pending.get(reply.id);
    if (waiter === undefined) return;
    if ('progress' in reply) return waiter.onProgress?.(reply.progress);
    pending.delete(reply.id);
    if ('error' in reply) return waiter.reject(new SessionError(reply.error.kind, reply.error.message));
    try {
      waiter.resolve(parseResult(waiter.method, reply.result));
    } catch (error) {
      waiter.reject(new SessionError('MalformedMessage', (error as Error).message));
    }
  };
  worker.onerror = (event) => fail(pending.keys(), new SessionError('WorkerFailed', event.message));
  const call = <M extends SessionMethod>(method: M, args: unknown[], onProgress?: (progress: Progress) => void): Promise<SessionResult<M>> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject, ...(onProgress !== undefined && { onProgress }) });
      worker.postMessage({ id, method, args });
    });
  return {
    open: (given, onProgress) => call('open', [given], onProgress),
    rows: (model, offset, limit) => call('rows', [model, offset, limit]),
    offsetOf: (model, pk, limit) => call('offsetOf', [model, pk, limit]),
    compare: (given, acrossVersions) => call('compare', [given, acrossVersions]),
    exportSubset: (request) => call('exportSubset', [request]),
    sanitize: (daysOffset) => call('sanitize', [daysOffset]),
    convert: (version) => call('convert', [version]),
    database: () => call('database', []),
    check: () => call('check', []),
    repaired: () => call('repaired', []),
  };
}

/** Loads the inlined wasm with a classic script (the only kind a file:// page may load). */
function inlineWasm(): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'sql-wasm-inline.js';
    script.onload = () => {
      const text = (globalThis as { RELOCATE_SQL_WASM?: string }).RELOCATE_SQL_WASM ?? '';
      const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
      resolve(bytes.buffer);
    };
    script.onerror = () => reject(new SessionError('WasmMissing', 'sql-wasm-inline.js could not be loaded beside index.html'));
    document.head.append(script);
  });
}

async function localSession(): Promise<SessionApi> {
  const session = new InspectorSession(await loadSqlJs({ wasmBinary: await inlineWasm() }));
  // Let the page paint what it has said before the thread is busy.
  const paint = () => new Promise((resolve) => setTimeout(resolve, 20));
  const wrap = async <T>(work: () => T | Promise<T>): Promise<T> => {
    await paint();
    try {
      return await work();
    } catch (error) {
      const kind = (error as { kind?: unknown }).kind;
      throw new SessionError(typeof kind === 'string' ? kind : (error as Error).name, (error as Error).message);
    }
  };
  return {
    open: (given, onProgress) => wrap(() => session.open(given, onProgress)),
    rows: (model, offset, limit) => wrap(() => session.rows(model, offset, limit)),
    offsetOf: (model, pk, limit) => wrap(() => session.offsetOf(model, pk, limit)),
    compare: (given, acrossVersions) => wrap(() => session.compare(given, acrossVersions)),
    exportSubset: (request) => wrap(() => session.exportSubset(request)),
    sanitize: (daysOffset) => wrap(() => session.sanitize(daysOffset)),
    convert: (version) => wrap(() => session.convert(version)),
    database: () => wrap(() => session.database()),
    check: () => wrap(() => session.check()),
    repaired: () => wrap(() => session.repaired()),
  };
}
