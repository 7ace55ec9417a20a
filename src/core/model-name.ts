/**
 * A Sentry model name as it appears in an export: `"{app_label}.{model_name}"`, lower-case.
 * Sentry refuses a name without a dot; so do we, so that a typo like `sentry_user` (a table
 * name) is caught where it is written instead of silently matching nothing.
 */
import { shown } from './text/shown-value.js';

export type NormalizedModelName = string & { readonly __normalizedModelName: unique symbol };

export function normalizeModelName(name: string): NormalizedModelName {
  if (typeof name !== 'string') throw new TypeError('Expected a model name to be a string');
  if (!name.includes('.')) {
    throw new TypeError(`Expected a model name of the form "app.model", got "${shown(name)}"`);
  }
  return name.toLowerCase() as NormalizedModelName;
}
