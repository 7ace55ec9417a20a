/** Export helpers for engine tests: run an export and look at it by model. */
import type { ExportObject } from '../../src/core/json/export-writer.js';
import { exportInScope } from '../../src/engine/export/index.js';
import type { ExportOptions } from '../../src/engine/export/index.js';
import type { Driver } from '../../src/db/port.js';
import type { TestDriver } from './drivers.js';
import { REGISTRY } from './registry.js';

export function exportObjects(driver: Driver, options: ExportOptions): ExportObject[] {
  return [...exportInScope(driver, options).objects];
}

export function countByModel(objects: readonly ExportObject[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const object of objects) counts[object.model] = (counts[object.model] ?? 0) + 1;
  return counts;
}

export function ofModel(objects: readonly ExportObject[], model: string): ExportObject[] {
  return objects.filter((object) => object.model === model);
}

/** A fresh database with our schema on the given driver. */
export function freshDatabase(testDriver: TestDriver): Driver {
  return testDriver.withSchema(REGISTRY);
}
