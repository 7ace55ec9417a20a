/**
 * The local server behind `relocate inspector`: the built page (dist/inspector/) and, with
 * `--open FILE`, that one file, on 127.0.0.1 only. It serves files and nothing else; the page does
 * all the work in the browser. Its headers repeat the page's rule that nothing leaves the origin.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RelocateError } from '../core/errors.js';

/** Where `npm run build` writes the page, beside the compiled CLI. */
export const INSPECTOR_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'inspector');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

const HEADERS = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/** The page was not built, or a file to open is missing. */
export class InspectorError extends RelocateError {
  constructor(readonly kind: 'InspectorNotBuilt' | 'FileNotFound' | 'PortInUse', message: string) {
    super(message);
  }
}

export interface InspectorServer {
  /** The page's address; with a file to open, the address that opens it. */
  readonly url: string;
  close(): Promise<void>;
}

export interface InspectorServerOptions {
  readonly port: number;
  readonly openFile?: string | undefined;
  readonly root?: string;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function startInspectorServer(options: InspectorServerOptions): Promise<InspectorServer> {
  const root = options.root ?? INSPECTOR_ROOT;
  if (!(await isFile(join(root, 'index.html')))) {
    throw new InspectorError('InspectorNotBuilt', `the inspector page is not built (no ${join(root, 'index.html')}); run "npm run build"`);
  }
  if (options.openFile !== undefined && !(await isFile(options.openFile))) {
    throw new InspectorError('FileNotFound', `${options.openFile} is not a file`);
  }
  const openName = options.openFile === undefined ? undefined : basename(options.openFile);

  const server = createServer((request, response) => {
    serve(request, response, root, options.openFile, openName).catch(() => reply(response, 500, 'Internal error'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new InspectorError('PortInUse', `port ${options.port} on 127.0.0.1 is in use; choose another with --port (0 takes any free one)`) : error);
    });
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/`;
  return {
    url: openName === undefined ? base : `${base}?open=${encodeURIComponent(`files/${openName}`)}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function reply(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(status, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}

async function serve(request: IncomingMessage, response: ServerResponse, root: string, openFile: string | undefined, openName: string | undefined): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return reply(response, 405, 'Only GET and HEAD');
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
  let file: string | undefined;
  let type = 'application/octet-stream';
  if (openFile !== undefined && path === `/files/${openName}`) {
    file = openFile;
  } else {
    const name = path === '/' ? 'index.html' : path.slice(1);
    // Only the flat files of the built page: no directories, no way out of the folder.
    if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) && (await isFile(join(root, name)))) {
      file = join(root, name);
      type = TYPES[name.slice(name.lastIndexOf('.'))] ?? type;
    }
  }
  if (file === undefined) return reply(response, 404, 'Not found');
  const { size } = await stat(file);
  response.writeHead(200, { ...HEADERS, 'Content-Type': type, 'Content-Length': size });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file).on('error', () => response.destroy()).pipe(response);
}
