/**
 * What a file holds, for telling which Sentry versions it can come from (`fileVersionsOf`): per
 * model name as the file writes it, the field names its rows carry.
 */
import type { FileShape } from '../../core/registry/versions/file-versions.js';
import type { ImportSource } from '../import/file-objects.js';
import { sourceObjects } from './convert-export.js';

export function fileShape(source: ImportSource, sourceName?: string): FileShape {
  const shape = new Map<string, Set<string>>();
  for (const object of sourceObjects(source, sourceName)) {
    let fields = shape.get(object.model);
    if (fields === undefined) shape.set(object.model, (fields = new Set()));
    for (const name in object.fields) fields.add(name);
  }
  return shape;
}
