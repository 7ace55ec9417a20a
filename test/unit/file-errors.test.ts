/** The one mapping of file-system error codes to sentences: the user's path, what to do, never the code. */
import { describe, expect, it } from 'vitest';
import { asFileError, fileErrorMessage, unwrappedFileErrorMessage } from '../../src/cli/file-errors.js';

describe('fileErrorMessage', () => {
  it('says what is wrong with the path and what to do', () => {
    expect(fileErrorMessage('ENOENT', 'in.json', 'read')).toBe('Cannot read in.json: there is no such file (check the path)');
    expect(fileErrorMessage('ENOENT', 'a/b/out.json', 'write')).toBe('Cannot write a/b/out.json: the folder a/b/ does not exist (create it first)');
    expect(fileErrorMessage('EISDIR', 'dir', 'write')).toBe('Cannot write dir: it is a folder; name a file instead');
    expect(fileErrorMessage('EACCES', 'out.json', 'write')).toBe('Cannot write out.json: permission denied (check the permissions of out.json and the current folder)');
    expect(fileErrorMessage('ENOSPC', 'out.json', 'write')).toBe('Cannot write out.json: the disk is full (free some space and run the command again)');
  });

  it('falls back to the system\'s words for a code it has no sentence for, never the code', () => {
    const message = fileErrorMessage('ECONNRESET', 'x', 'read', -104);
    expect(message).toBe('Cannot read x: connection reset by peer');
    expect(fileErrorMessage('EWHATEVER', 'x', 'read')).toBe('Cannot read x: the system refused');
  });

  it('names where a rename was going, not the temporary file it came from', () => {
    const error = Object.assign(new Error('EISDIR: illegal operation on a directory, rename'), { code: 'EISDIR', syscall: 'rename', path: '.out.json.1.tmp', dest: 'out.json' });
    expect(unwrappedFileErrorMessage(error)).toBe('Cannot write out.json: it is a folder; name a file instead');
  });

  it('wraps file-system errors only', () => {
    const plain = new Error('not a file problem');
    expect(asFileError(plain, 'x', 'read')).toBe(plain);
    expect((asFileError(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }), 'x', 'read') as Error).message).toBe('Cannot read x: there is no such file (check the path)');
  });
});
