import type { ModelScope, RelocationScope } from '../scopes.js';
import type { FieldClass } from './field-classes.js';
import type { ImportRules } from './import-rules.js';

export type Silo = 'Control' | 'Region' | 'Monolith';

/** Sentry's `ForeignFieldKind`: how a field points at another model. */
export type ForeignFieldKind =
  | 'FlexibleForeignKey'
  | 'HybridCloudForeignKey'
  | 'OneToOneCascadeDeletes'
  | 'DefaultForeignKey'
  | 'DefaultOneToOneField'
  | 'ImplicitForeignKey';

/** A foreign key as the dependency graph sees it (one entry of `detailed.json`'s foreign_keys). */
export interface ForeignKey {
  /** The Django field name: `organization` for a FlexibleForeignKey, `user_id` for the others. */
  readonly field: string;
  readonly model: string;
  readonly kind: ForeignFieldKind;
  readonly nullable: boolean;
}

/**
 * A default as the model declares it: a literal JSON value, or a callable Sentry runs when a row
 * is created (`timezone.now`, `uuid4`, `dict`, a token generator, ...). Callables are named, not
 * run here: the engine that fills missing fields decides what each one produces.
 */
export type FieldDefault =
  | { readonly value: null | boolean | number | string | readonly unknown[] | Readonly<Record<string, unknown>> }
  | { readonly call: string };

/** One concrete model field, in the order the model declares it (which is the export order). */
export interface Field {
  /** The name in an export's `fields` object. */
  readonly name: string;
  /** The SQLite column (Sentry's db column: `organization_id` for the field `organization`). */
  readonly column: string;
  readonly class: FieldClass;
  readonly nullable: boolean;
  readonly default?: FieldDefault;
  readonly maxLength?: number;
  /** Present when the field is a foreign key (the same entry as in `foreignKeys`). */
  readonly foreignKey?: ForeignKey;
  /** For ArrayField: the class of each element. */
  readonly of?: FieldClass;
}

/** A row as the rules see it: field name → stored value. */
export type RowFields = Readonly<Record<string, unknown>>;

/** The scope an already exported (or imported) row took, for rules that defer to a parent. */
export type ScopeLookup = (model: string, pk: number) => Exclude<RelocationScope, 'Excluded'> | undefined;

/**
 * A non-Global export takes only the rows whose `field` (`id` for the pk) is among the values that
 * another model's rows hold in `select`, counting only those rows where any of `where`'s fields
 * points at an exported row (Sentry's `query_for_relocation_export` overrides, as data).
 */
export interface ExportReferencedBy {
  readonly field: string;
  readonly from: readonly {
    readonly model: string;
    readonly select: string;
    readonly where: readonly { readonly field: string; readonly exported: string }[];
  }[];
}

/**
 * A model's own relocation rules, beside its entry; a model without a rule gets the default
 * behaviour. The import, compare and sanitize issues add their members here.
 */
export interface ModelRules {
  /** For models whose scope is a set: the scope of one row (Sentry's `get_relocation_scope`). */
  readonly scopeOf?: (row: RowFields, scopeOfParent: ScopeLookup) => Exclude<RelocationScope, 'Excluded'>;
  /** Non-Global exports leave out rows whose `field` holds one of `values`. */
  readonly exportExcludes?: { readonly field: string; readonly values: readonly string[] };
  /** Non-Global exports take only rows referenced as described (see ExportReferencedBy). */
  readonly exportReferencedBy?: ExportReferencedBy;
  /** Keys whose target may be missing from the export without dropping the row. */
  readonly exportIgnoresMissing?: readonly string[];
  /** For models whose custom ordinal holds for some rows only: whether it holds for this one. */
  readonly customOrdinalApplies?: (fields: Readonly<Record<string, unknown>>) => boolean;
  /**
   * Fields sanitized beyond the defaults every model gets from its field classes and names
   * (Sentry's `sanitize_relocation_json` overrides): as random strings of the same shape, as
   * emails, or as JSON whose strings are all replaced.
   */
  readonly sanitize?: { readonly strings?: readonly string[]; readonly emails?: readonly string[]; readonly jsons?: readonly string[] };
  /** How rows of the model are imported, where that differs from a plain insert (import-rules.ts). */
  readonly import?: ImportRules;
  /**
   * A row, as the file gives it, that Sentry's own import refuses (a check in the model's save(),
   * a field its import needs), with why and where users met it; `drop` when a repair may leave the
   * row out (it is of no use without what it lacks). A check reports each such row.
   */
  readonly sentryRefuses?: (fields: Readonly<Record<string, unknown>>) => SentryRefusal | undefined;
}

export interface SentryRefusal {
  readonly reason: string;
  readonly drop?: boolean;
}

/** When a conditional unique set holds: a field is null, is not null, or equals a value. */
export type UniqueCondition =
  | { readonly field: string; readonly is: null }
  | { readonly field: string; readonly isNot: null }
  | { readonly field: string; readonly equals: boolean | number | string };

/** Everything the registry knows about one Sentry model. */
export interface ModelEntry {
  readonly name: string;
  readonly table: string;
  readonly silos: readonly Silo[];
  readonly scope: ModelScope;
  /** Graph edges, in the order Sentry lists them (serialized sorted by field name). */
  readonly foreignKeys: readonly ForeignKey[];
  /** `__relocation_dependencies__`: ordering-only edges. */
  readonly relocationDependencies: readonly string[];
  /** Unique sets by field name, each sorted, the list sorted by the ":"-joined names. */
  readonly uniques: readonly (readonly string[])[];
  /** Concrete fields in declared order, without the pk. Empty for graph-only models. */
  readonly fields: readonly Field[];
  /** Fields the validator orders rows by instead of the pk (`__relocation_custom_ordinal__`). */
  readonly customOrdinal?: readonly string[];
  /**
   * Unique sets that hold only where a condition does (Django's `UniqueConstraint(condition=…)`),
   * keyed by the ":"-joined set; each backend's dialect writes the condition in its own SQL.
   */
  readonly uniqueConditions?: Readonly<Record<string, UniqueCondition>>;
  /** Fields Sentry looks rows up by ignoring case (`username__iexact`): each gets a NOCASE index. */
  readonly caseInsensitive?: readonly string[];
  /** True when the model has a table here: every non-Excluded model, and the engine's own. */
  readonly stored: boolean;
  readonly rules: ModelRules;
}
