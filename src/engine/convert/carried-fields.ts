/**
 * Values a target field can take from elsewhere in the file when the row lacks it, before any
 * default: the same database column under the source version's other name for it (a foreign key
 * `alert_rule` that became the plain integer `alert_rule_id`), or a value that only one row of the
 * file can hold (a dashboard favourite's organization is its dashboard's). A default would lose
 * the first and could not be right for the second. Where Sentry moved a value to another model
 * (an issue view's position to its owner's star), it comes back from there.
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
  /** The model of the row that holds the value, and its field that does. */
  readonly target: string;
  readonly take: string;
  /**
   * How that row is found: the one the row's foreign key `via` points at, or the one whose fields
   * (keys) equal the row's (values; `pk` for the row's own pk).
   */
  readonly find: { readonly via: string } | { readonly match: Readonly<Record<string, string>> };
  readonly why: string;
}

const DERIVATIONS: readonly FieldDerivation[] = [
  {
    model: 'sentry.dashboardfavoriteuser', field: 'organization', target: 'sentry.dashboard', take: 'organization', find: { via: 'dashboard' },
    why: 'a favourite belongs to the organization of the dashboard it favours (Sentry added the field beside user_id and dashboard)',
  },
  {
    model: 'sentry.groupsearchview', field: 'position', target: 'sentry.groupsearchviewstarred', take: 'position',
    find: { match: { group_search_view: 'pk', user_id: 'user_id' } },
    why: 'the position moved from the view to its owner\'s star of it (sentry.groupsearchviewstarred), and comes back from there',
  },
];

/** The lookup key of a row for a derivation: the values that find its target row, in a fixed order. */
function keyOf(derivation: FieldDerivation, pk: number, fields: Readonly<Record<string, unknown>>, side: 'row' | 'target'): string | undefined {
  const values = 'via' in derivation.find
    ? [side === 'row' ? fields[derivation.find.via] : pk]
    : Object.entries(derivation.find.match).map(([there, here]) => {
      const name = side === 'row' ? here : there;
      return name === 'pk' ? pk : fields[name];
    });
  return values.some((value) => typeof value !== 'number') ? undefined : values.join(':');
}

export class FieldCarrier {
  /** Per derivation: lookup key → the target row's fields, read once from the file. */
  readonly #targets = new Map<FieldDerivation, Map<string, Readonly<Record<string, unknown>>>>();

  constructor(private readonly from: Registry, private readonly to: Registry, objects: readonly FileObject[]) {
    for (const object of objects) {
      const name = to.resolve(object.model);
      for (const derivation of DERIVATIONS) {
        if (derivation.target !== name) continue;
        const key = keyOf(derivation, object.pk, object.fields, 'target');
        if (key === undefined) continue;
        let rows = this.#targets.get(derivation);
        if (rows === undefined) this.#targets.set(derivation, (rows = new Map()));
        if (!rows.has(key)) rows.set(key, object.fields);
      }
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
    const key = keyOf(derivation, row.pk, row.fields, 'row');
    const value = key === undefined ? undefined : this.#targets.get(derivation)?.get(key)?.[derivation.take];
    if (value === undefined || value === null) return undefined;
    const found = 'via' in derivation.find ? `its ${derivation.find.via}` : `the ${derivation.target} row with its ${Object.values(derivation.find.match).join(' and ')}`;
    return { value, kind: 'derived-field', reason: `the ${derivation.take} of ${found} (${derivation.target}): ${derivation.why}` };
  }
}
