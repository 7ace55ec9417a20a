/**
 * The error classes. Each carries a stable string `kind` that the CLI and the inspector switch on
 * (never the message), and whatever locates the problem: model, ordinal, table, columns.
 * Misuse of the API throws TypeError / RangeError instead; those are programming errors.
 */
export abstract class RelocateError extends Error {
  abstract readonly kind: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The dependency graph cannot be resolved: a cycle, or a pass that placed nothing. */
export class GraphError extends RelocateError {
  readonly kind = 'GraphError';
}

/** A database made by another registry version (and so another schema). */
export class SchemaVersionError extends RelocateError {
  readonly kind = 'SchemaVersionMismatch';

  constructor(readonly found: string, readonly expected: string) {
    super(
      `This database was made by registry version ${found}, but this relocate uses ${expected}; ` +
        'export it with the version that made it, or start from a new database',
    );
  }
}

/** A database file that is not a relocate database (or not SQLite at all). */
export class NotRelocateDatabaseError extends RelocateError {
  readonly kind = 'NotRelocateDatabase';
}

/**
 * A database whose tables are not those of the Sentry version it is read or written as (a table or
 * column missing, or of a type that cannot hold the field's values), refused before anything is
 * read or written. `differences` lists every one.
 */
export class SchemaMismatchError extends RelocateError {
  readonly kind = 'SchemaMismatch';

  constructor(readonly version: string, readonly differences: readonly string[], message: string) {
    super(message);
  }
}
