/** How a check words what it found about models and what the import rules change. */
import type { ProblemKind, RepairAction } from '../../core/check/problem.js';
import type { Registry } from '../../core/registry/registry.js';
import { nearestName } from '../../core/text/nearest-name.js';
import { shown } from '../../core/text/shown-value.js';
import type { AnnouncedFieldChange } from './picture.js';
import type { RowOrigin } from './picture-table.js';

export interface Said {
  readonly kind: ProblemKind;
  readonly message: string;
  readonly field?: string;
  readonly repair?: RepairAction;
}

/** An unknown model, with the known name nearest it. */
export function unknownModelMessage(registry: Registry, name: string, reason: string): string {
  const nearest = nearestName(name, [...registry.models.map((entry) => entry.name), ...registry.removedModels.keys()]);
  return nearest === undefined ? reason : `${reason}; the nearest known name is "${nearest}"`;
}

/** A row of a model the import does not write: removed, Excluded, or one this version does not know. */
export function modelVerdictProblem(registry: Registry, name: string, verdict: { drop: string } | { keep: string }): Said {
  const nearest = () => {
    const known = nearestName(name, registry.models.map((entry) => entry.name));
    return known === undefined ? '' : ` (the nearest model it has is "${known}")`;
  };
  if ('keep' in verdict) return { kind: 'KeptModel', message: `${verdict.keep}${nearest()}` };
  const removal = registry.removedModels.get(name);
  if (removal !== undefined) {
    const forever = removal.outsideRelocation === true;
    return {
      kind: 'RemovedModel',
      message: `the import drops it: ${verdict.drop}${forever ? '; no Sentry importer with relocation takes it, and repair leaves it out' : ''}`,
      ...(forever && { repair: 'drop-row' as const }),
    };
  }
  if (registry.find(registry.resolve(name)) !== undefined) return { kind: 'ExcludedModel', message: `the import drops it: ${verdict.drop}` };
  return { kind: 'KeptModel', message: `the import drops it: ${verdict.drop}${nearest()}` };
}

const quoted = (value: unknown): string => shown(JSON.stringify(value) ?? String(value));

/** Who holds a value, in words: ` by the database's row pk 3`, ` by the row at line 40 (pk 2)`. */
function heldBy(holder: RowOrigin | undefined): string {
  if (holder === undefined || holder.from === 'rule') return '';
  return holder.from === 'database' ? ` by the database's row pk ${holder.pk}` : ` by the row at line ${holder.line} (pk ${holder.pk}) of the file`;
}

/** What the rules' announced changes of one row say, one problem per kind; `holder` finds who has a value. */
export function changeWords(changes: readonly AnnouncedFieldChange[], holder: (field: string, value: AnnouncedFieldChange['from']) => RowOrigin | undefined): Said[] {
  const said: Said[] = [];
  const of = (kind: AnnouncedFieldChange['kind']) => changes.filter((change) => change.kind === kind);
  for (const change of of('Renamed')) {
    const by = heldBy(holder(change.field, change.from));
    const why = by === '' ? 'the value is not in the form Sentry requires, or is taken' : `the value is taken (ignoring case)${by}`;
    said.push({ kind: 'Renamed', field: change.field, message: `the import writes ${change.field} ${quoted(change.to)} instead of ${quoted(change.from)}: ${why}, and Sentry's import changes it the same way` });
  }
  const reminted = of('Reminted');
  if (reminted.length > 0) {
    const by = reminted.map((change) => heldBy(holder(change.field, change.from))).find((words) => words !== '') ?? '';
    const why = by === '' ? 'as Sentry\'s import does (an id or credential must not be used twice)' : `as the old value is taken${by}`;
    said.push({ kind: 'Reminted', field: reminted[0]?.field as string, message: `the import makes ${reminted.map((change) => change.field).join(' and ')} anew, ${why}` });
  }
  if (of('Unclaimed').length > 0) {
    said.push({ kind: 'Unclaimed', field: 'is_unclaimed', message: 'the user must claim the account: the import gives it an unusable password and a claim link (outside Global scope, every imported user must)' });
  }
  const privileges = of('PrivilegesRemoved').map((change) => change.field);
  if (privileges.length > 0) {
    said.push({ kind: 'PrivilegesRemoved', field: privileges[0] as string, message: `the import clears ${privileges.join(', ')}: only Config and Global imports keep admin privileges` });
  }
  return said;
}

/** Who holds a value the import could not write, when it is not a row of the file. */
export function holderWords(holder: RowOrigin): string {
  if (holder.from === 'database') return '; rename or remove one of the two before importing';
  if (holder.from === 'rule') return ' (a row the import makes itself, such as a user\'s primary email)';
  return '';
}
