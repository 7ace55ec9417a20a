/**
 * yargs' parsing failures rewritten for a person. yargs knows only the level it failed at: a
 * misspelt scope (`import globl f.json`) reads to it as a misspelt command ("Did you mean
 * global?"), a missing scope (`import f.json --db x`) as an unknown option, and a missing SRC as
 * "Not enough non-option arguments". Here the words themselves are looked at, with what the CLI
 * declares in a UsageSpec: its commands, the words that must follow some of them, and the
 * arguments each one requires.
 */
import { shown } from '../core/text/shown-value.js';

/** The word that must follow a command: a scope, a kind, a subcommand. */
export interface SubcommandSpec {
  /** What the word is called in messages: "scope", "backup command". */
  readonly noun: string;
  readonly names: readonly string[];
  /** A path argument follows the word (import SCOPE SRC): a lone unknown word may be that path. */
  readonly pathFollows?: boolean;
  /** How the command is written, for the message about a missing word. */
  readonly synopsis: string;
}

export interface UsageSpec {
  readonly commands: readonly string[];
  /** By command. */
  readonly subcommands: Readonly<Record<string, SubcommandSpec>>;
  /** The arguments a command requires, in order, by its words ("import", "backup compare"). */
  readonly positionals: Readonly<Record<string, readonly { readonly name: string; readonly describe: string }[]>>;
}

/** "Did you mean" for unknown words: the known name closest by edit distance, if close enough. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  // Words longer than any name are never close; a 10 MB word must not cost 10 MB × name.
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

const optionName = (word: string): string | undefined => {
  if (!word.startsWith('-') || word === '-' || word === '--') return undefined;
  const name = word.replace(/^-+/, '').split('=')[0] as string;
  return name.startsWith('no-') ? name.slice(3) : name;
};

const camelCase = (name: string): string => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** "a, b, c or d". */
function listed(names: readonly string[], last = 'or'): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${last} ${names.at(-1) as string}`;
}

/**
 * The words that are not options or option values. An option takes the next word as its value
 * unless it is a known boolean, has "=", or the next word is an option itself.
 */
function positionalWords(words: readonly string[], booleans: ReadonlySet<string>): string[] {
  const positionals: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const name = optionName(word);
    if (name === undefined) {
      if (word !== '--') positionals.push(word);
      continue;
    }
    const next = words[i + 1];
    const takesValue = !word.includes('=') && !booleans.has(name) && !booleans.has(camelCase(name)) && !word.startsWith('--no-');
    if (takesValue && next !== undefined && (next === '-' || !next.startsWith('-'))) i++;
  }
  return positionals;
}

/** The word after a command that takes one (a scope, a kind), when it is missing or not one of them. */
function explainSubcommand(positionals: readonly string[], spec: UsageSpec): string | undefined {
  const [command, word, ...rest] = positionals;
  const sub = command === undefined ? undefined : spec.subcommands[command];
  if (sub === undefined) return undefined;
  const choices = `name one of ${listed(sub.names)} (${sub.synopsis})`;
  if (word === undefined) return `Missing ${sub.noun}: ${choices}`;
  if (sub.names.includes(word)) return undefined;
  const suggestion = closest(word, sub.names);
  if (suggestion !== undefined) return `Unknown ${sub.noun}: ${shown(word)}. Did you mean ${suggestion}? The ${sub.noun}s are ${listed(sub.names, 'and')}`;
  if (sub.pathFollows === true && rest.length === 0) return `Missing ${sub.noun} before ${shown(word)}: ${choices}`;
  return `Unknown ${sub.noun}: ${shown(word)}; ${choices}`;
}

/** yargs' "Not enough non-option arguments: got N": which of the command's arguments are missing. */
function explainMissingArguments(message: string, positionals: readonly string[], spec: UsageSpec): string | undefined {
  const got = /^Not enough non-option arguments: got (\d+)/.exec(message);
  if (got === null) return undefined;
  const [first = '', second = ''] = positionals;
  const required = spec.positionals[`${first} ${second}`] ?? spec.positionals[first];
  const missing = required?.slice(Number(got[1]));
  if (missing === undefined || missing.length === 0) return undefined;
  if (missing.length === 1) return `Missing ${(missing[0] as { name: string }).name}: ${(missing[0] as { describe: string }).describe.replace(/^./, (c) => c.toLowerCase())}`;
  return `Missing ${listed(missing.map((argument) => `${argument.name} (${argument.describe.replace(/^./, (c) => c.toLowerCase())})`), 'and')}`;
}

/**
 * Rewrites a yargs failure for a person: a missing or misspelt scope (or kind, or subcommand)
 * with the choices, a missing argument by name, a misspelt command, and unknown options first
 * with the closest known option (yargs suggests nothing for options, and may complain about a
 * missing option that was only misspelt).
 */
export function explainUsage(message: string, argv: readonly string[], known: readonly string[], booleans: readonly string[], spec: UsageSpec): string {
  const words = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length);
  const positionals = positionalWords(words, new Set(booleans));
  const command = positionals[0];
  if (command !== undefined && !spec.commands.includes(command)) {
    const suggestion = closest(command, spec.commands);
    return `Unknown command: ${shown(command)}${suggestion === undefined ? `; the commands are ${listed(spec.commands, 'and')}` : `. Did you mean ${suggestion}?`}`;
  }
  const aboutSubcommand = explainSubcommand(positionals, spec);
  if (aboutSubcommand !== undefined) return aboutSubcommand;
  // A missing subcommand is the real problem; options of the subcommand look unknown without it.
  if (message.startsWith('Name a')) return message;

  const knownSet = new Set(known);
  const unknown = words.flatMap((word) => {
    const name = optionName(word);
    return name === undefined || knownSet.has(name) || knownSet.has(camelCase(name)) ? [] : [name];
  });
  if (unknown.length > 0) {
    const described = unknown.map((name) => {
      const flag = shown(name.length === 1 ? `-${name}` : `--${name}`);
      const suggestion = closest(name, known.filter((candidate) => candidate.length > 1));
      return suggestion === undefined ? flag : `${flag} (did you mean --${suggestion}?)`;
    });
    return `Unknown option${unknown.length > 1 ? 's' : ''}: ${described.join(', ')}`;
  }
  return explainMissingArguments(message, positionals, spec) ?? message;
}
