/**
 * Values a target field can take from elsewhere in the file when the row lacks it, before any
 * default: the same database column under the source version's other name for it (a foreign key
 * `alert_rule` that became the plain integer `alert_rule_id`), or a value that only one row of the
 * file can hold (a dashboard favourite's organization is its dashboard's). A default would lose
 * the first and could not be right for the second.
 */
import type { Registry } from '../../core/registry/registry.js';
import type { Field, ModelEntry } from '../../core/registry/types.js';
import type { FileObject } from '../import/file-objects.js';
import type { SourceRow } from './convert-fields.js';

export interface CarriedValue {
  readonly value: unknown;
  readonly kind: 'renamed-field' | 'derived-field';
  readonly reason: string;
  /** For a renamed field: its name in the row (not reported as dropped, then). */
  readonly from?: string;
}

interface FieldDerivation {
  /** The target model and field the row lacks. */
  readonly model: string;
  readonly field: string;
  /** The row's foreign key to the row that holds the value, that row's model, and the field there. */
  readonly via: string;
  readonly target: string;
  readonly take: string;
  readonly why: string;
}

const DERIVATIONS: readonly FieldDerivation[] = [
  {
    model: 'sentry.dashboardfavoriteuser', field: 'organization', via: 'dashboard', target: 'sentry.dashboard', take: 'organization',
    why: 'a favourite belongs to the organization of the dashboard it favours (Sentry added the field beside user_id and dashboard)',
  },
];

export class FieldCarrier {
  /** Per derivation's target model: pk → the row's fields, read once from the file. */
  readonly #targets = new Map<string, Map<number, Readonly<Record<string, unknown>>>>();

  constructor(private readonly from: Registry, private readonly to: Registry, objects: readonly FileObject[]) {
    const wanted = new Set(DERIVATIONS.map((derivation) => derivation.target));
    for (const object of objects) {
      const name = to.resolve(object.model);
      if (!wanted.has(name)) continue;
      let rows = this.#targets.get(name);
      if (rows === undefined) this.#targets.set(name, (rows = new Map()));
      rows.set(object.pk, object.fields);
    }
  }

  /** The value `field` of `entry` (the target's model; `model` as the file names it) takes for `row`, if any. */
  carry(entry: ModelEntry, model: string, field: Field, row: SourceRow): CarriedValue | undefined {
    return this.#renamed(entry, model, field, row) ?? this.#derived(entry, field, row);
  }

  #renamed(entry: ModelEntry, model: string, field: Field, row: SourceRow): CarriedValue | undefined {
    const source = this.from.find(this.from.resolve(model));
    const old = source?.fields.find((candidate) => candidate.column === field.column && candidate.name !== field.name
      && Object.hasOwn(row.fields, candidate.name) && !entry.fields.some((other) => other.name === candidate.name));
    if (old === undefined) return undefined;
    return {
      value: row.fields[old.name], kind: 'renamed-field', from: old.name,
      reason: `the same column (${field.column}), which Sentry ${this.from.version} names ${old.name} (a ${old.class}) and Sentry ${this.to.version} ${field.name} (a ${field.class})`,
    };
  }

  #derived(entry: ModelEntry, field: Field, row: SourceRow): CarriedValue | undefined {
    const derivation = DERIVATIONS.find((candidate) => candidate.model === entry.name && candidate.field === field.name);
    if (derivation === undefined) return undefined;
    const key = row.fields[derivation.via];
    const target = typeof key === 'number' ? this.#targets.get(derivation.target)?.get(key) : undefined;
    const value = target?.[derivation.take];
    if (value === undefined || value === null) return undefined;
    return { value, kind: 'derived-field', reason: `the ${derivation.take} of its ${derivation.via} (${derivation.target}): ${derivation.why}` };
  }
}
