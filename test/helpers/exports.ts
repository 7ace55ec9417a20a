/** Export files for tests that read them whole: objects per model, users, and a seeded export made by the CLI. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './cli.js';

export interface FileObjectLike {
  readonly model: string;
  readonly pk: number;
  readonly fields: Record<string, unknown>;
}

export function readExport(path: string): FileObjectLike[] {
  return JSON.parse(readFileSync(path, 'utf8')) as FileObjectLike[];
}

export function countsByModel(objects: readonly FileObjectLike[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const object of objects) counts.set(object.model, (counts.get(object.model) ?? 0) + 1);
  return counts;
}

/** The exhaustive seed exported in Global scope by the CLI, at `folder/seeded.json`. */
export function seededExport(folder: string): string {
  const db = join(folder, 'seeded.sqlite');
  const out = join(folder, 'seeded.json');
  for (const args of [['seed', 'exhaustive', '--db', db], ['export', 'global', out, '--db', db, '--silent']]) {
    const result = runCli(args, folder);
    if (result.code !== 0) throw new Error(`relocate ${args.join(' ')} failed: ${result.stderr}`);
  }
  return out;
}
