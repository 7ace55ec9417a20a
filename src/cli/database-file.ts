/**
 * The file `--db` names, checked before a driver opens it, so that every refusal names the path
 * and says what to do. Only the commands that create a database (init, seed, import) may name
 * one that does not exist; a command that only reads must not leave an empty database behind
 * (and print `[]`) because of a typo in the path.
 */
import { access, constants, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname } from 'node:path';
import { FileError, asFileError, fileErrorMessage, systemError } from './file-errors.js';
import { directoryExists } from './io.js';

/** Whether the database file exists; throws a FileError when it cannot be used as one. */
export async function checkDatabaseFile(path: string, create: boolean): Promise<boolean> {
  let found: Stats;
  try {
    found = await stat(path);
  } catch (error) {
    if (systemError(error)?.code !== 'ENOENT') throw asFileError(error, path, 'open');
    if (!create) {
      throw new FileError(`Cannot open database ${path}: there is no such file (check --db; relocate init or relocate import creates one)`);
    }
    if (!(await directoryExists(dirname(path)))) throw new FileError(fileErrorMessage('ENOENT', path, 'write'));
    return false;
  }
  if (found.isDirectory()) throw new FileError(`Cannot open database ${path}: it is a folder, not a database file`);
  if (!found.isFile()) throw new FileError(`Cannot open database ${path}: it is not a regular file (a database must be one)`);
  try {
    await access(path, constants.R_OK);
  } catch (error) {
    throw asFileError(error, path, 'open');
  }
  return true;
}
