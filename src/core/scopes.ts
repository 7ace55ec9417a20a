/** Sentry's `RelocationScope`, in enum-value order (the order Sentry sorts scope sets by). */
export const RELOCATION_SCOPES = ['Excluded', 'User', 'Organization', 'Config', 'Global'] as const;
export type RelocationScope = (typeof RELOCATION_SCOPES)[number];

/** A model's scope: one scope, or a set decided per row (never containing Excluded). */
export type ModelScope = RelocationScope | readonly Exclude<RelocationScope, 'Excluded'>[];

/** Export and import scopes, each the set of relocation scopes it lets through. */
export const EXPORT_SCOPES = {
  User: ['User'],
  Organization: ['User', 'Organization'],
  Config: ['User', 'Config'],
  Global: ['User', 'Organization', 'Config', 'Global'],
} as const satisfies Record<string, readonly RelocationScope[]>;

export type ExportScope = keyof typeof EXPORT_SCOPES;
export type ImportScope = ExportScope;
export const IMPORT_SCOPES = EXPORT_SCOPES;

/** Every scope a model may take, as a list (a single scope becomes a list of one). */
export function possibleScopes(scope: ModelScope): readonly RelocationScope[] {
  return typeof scope === 'string' ? [scope] : scope;
}

export function scopeRank(scope: RelocationScope): number {
  return RELOCATION_SCOPES.indexOf(scope);
}
