/** "Did you mean" for unknown options: the known name closest by edit distance, if close enough. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
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

/**
 * Rewrites a yargs failure for a person: names a misspelt command (yargs only says "Did you
 * mean x?"), and reports unknown options first, with the closest known option (yargs suggests
 * nothing for options, and may complain about a missing option that was only misspelt).
 */
export function explainUsage(message: string, argv: readonly string[], known: readonly string[], commands: readonly string[]): string {
  const words = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length);
  const command = words.find((word) => !word.startsWith('-'));
  if (message.startsWith('Did you mean')) return `Unknown command: ${command}. ${message}`;
  // A missing subcommand is the real problem; options of the subcommand look unknown without it.
  if (message.startsWith('Name a')) return message;

  const knownSet = new Set(known);
  const unknown = words.flatMap((word) => {
    const name = optionName(word);
    return name === undefined || knownSet.has(name) || knownSet.has(camelCase(name)) ? [] : [name];
  });
  if (unknown.length > 0) {
    const described = unknown.map((name) => {
      const flag = name.length === 1 ? `-${name}` : `--${name}`;
      const suggestion = closest(name, known.filter((candidate) => candidate.length > 1));
      return suggestion === undefined ? flag : `${flag} (did you mean --${suggestion}?)`;
    });
    return `Unknown option${unknown.length > 1 ? 's' : ''}: ${described.join(', ')}`;
  }
  if (/^Unknown arguments?: /.test(message) && command !== undefined && !commands.includes(command)) {
    const suggestion = closest(command, commands);
    return `Unknown command: ${command}${suggestion === undefined ? '' : `. Did you mean ${suggestion}?`}`;
  }
  return message;
}
