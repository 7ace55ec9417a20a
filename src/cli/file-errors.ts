/**
 * File-system errors as one sentence a person can act on, naming the path they gave: the only
 * place that turns a Node error code (ENOENT, EISDIR, ...) into words. Commands wrap what they
 * read and write with the user's path (a write goes through a temporary file whose name must
 * never show); the catch-all in exit.ts uses the same words for anything that was not wrapped.
 */
import { dirname } from 'node:path';
import { getSystemErrorMap } from 'node:util';

/** What the command was doing with the path. */
export type FileAction = 'read' | 'write' | 'create the folder' | 'open';

/** A file the command cannot use: one `Error:` line, exit 2. */
export class FileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FileError';
  }
}

interface SystemError {
  readonly code: string;
  readonly errno?: number;
  readonly path?: string;
  readonly dest?: string;
  readonly syscall?: string;
}

/** A Node system error (it has a code like ENOENT), or undefined. */
export function systemError(error: unknown): SystemError | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? (error as unknown as SystemError) : undefined;
}

/** The folder `path` is in, as a person writes it ("missing/", or "the current folder"). */
function folderOf(path: string): string {
  const folder = dirname(path);
  return folder === '.' ? 'the current folder' : `the folder ${folder.endsWith('/') ? folder : `${folder}/`}`;
}

/** Why `action` on `path` failed with `code`, and what to do about it. */
export function fileErrorMessage(code: string, path: string | undefined, action: FileAction, errno?: number): string {
  const what = path === undefined ? `Cannot ${action} a file` : `Cannot ${action} ${path}`;
  const writing = action === 'write' || action === 'create the folder';
  switch (code) {
    case 'ENOENT':
      if (path !== undefined && writing) return `${what}: ${folderOf(path)} does not exist (create it first)`;
      return `${what}: there is no such file (check the path)`;
    case 'EISDIR':
      return `${what}: it is a folder; name a file instead`;
    case 'ENOTDIR':
      return `${what}: a part of the path before the last "/" is a file, not a folder`;
    case 'EEXIST':
      return `${what}: something with that name is already there`;
    case 'EACCES':
    case 'EPERM':
      return writing && path !== undefined
        ? `${what}: permission denied (check the permissions of ${path} and ${folderOf(path)})`
        : `${what}: permission denied (check its permissions)`;
    case 'EROFS':
      return `${what}: the file system is read-only`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `${what}: the disk is full (free some space and run the command again)`;
    case 'ENAMETOOLONG':
      return `${what}: the name is too long`;
    case 'ELOOP':
      return `${what}: too many symbolic links (one may point at itself)`;
    case 'EMFILE':
    case 'ENFILE':
      return `${what}: too many open files (close some programs and run the command again)`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `${what}: it is in use by another program`;
    case 'EIO':
      return `${what}: the device reported an input/output error`;
    default: {
      // A code without a sentence of ours: the system's own words, never the bare code.
      const described = errno === undefined ? undefined : getSystemErrorMap().get(errno)?.[1];
      return `${what}: ${described ?? 'the system refused'}`;
    }
  }
}

/** `error` as a FileError naming `path` when it is a file-system error; anything else unchanged. */
export function asFileError(error: unknown, path: string, action: FileAction): unknown {
  const system = systemError(error);
  if (system === undefined) return error;
  return new FileError(fileErrorMessage(system.code, path, action, system.errno), { cause: error });
}

/** Runs `work` on the user's `path`; a file-system error it throws becomes a FileError naming it. */
export async function withFileErrors<T>(path: string, action: FileAction, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asFileError(error, path, action);
  }
}

/** For the catch-all: a file-system error nothing wrapped, in the same words, with what Node knows. */
export function unwrappedFileErrorMessage(error: SystemError): string {
  const action: FileAction = error.syscall === 'mkdir' ? 'create the folder'
    : error.syscall === 'rename' || error.syscall === 'write' || error.syscall === 'unlink' ? 'write'
      : error.syscall === 'read' || error.syscall === 'scandir' ? 'read'
        : 'open';
  // A rename's useful name is where it was going; its source is our temporary file.
  const path = error.syscall === 'rename' ? error.dest : error.path;
  return fileErrorMessage(error.code, path === '' ? undefined : path, action, error.errno);
}
