/**
 * The CLI's surface: help everywhere (with `--backend` only where there is a database), strict
 * parsing with suggestions, scopes and missing arguments named, `--version`, errors without
 * stacks, and the pointer to --help only after usage errors, once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, temporaryFolder } from '../helpers/cli.js';

const cwd = temporaryFolder();
const HELP_LINE = 'Run "relocate --help" for usage.';
const SCOPE_LIST = 'users, organizations, config and global';

describe('relocate --help', () => {
  it('lists the commands on stdout, every backup subcommand among them', () => {
    const result = runCli(['--help'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('relocate init');
    expect(result.stdout).toContain('relocate model-dependencies');
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('compare, comparators, roundtrip, encrypt, decrypt, sanitize');
  });

  it.each(['init', 'model-dependencies'])('works for %s', (command) => {
    const result = runCli([command, '--help'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`relocate ${command}`);
  });

  it('shows --backend only on commands that open a database', () => {
    for (const args of [['init'], ['seed', 'exhaustive'], ['export', 'global'], ['import', 'users'], ['backup', 'roundtrip']]) {
      expect(runCli([...args, '--help'], cwd).stdout, args.join(' ')).toContain('--backend');
    }
    for (const args of [[], ['keys', 'generate'], ['backup', 'compare'], ['backup', 'encrypt'], ['backup', 'sanitize'], ['model-dependencies'], ['inspector']]) {
      expect(runCli([...args, '--help'], cwd).stdout, args.join(' ')).not.toContain('--backend');
    }
    expect(runCli(['--backend', 'sql.js', 'keys', 'generate', '--out', 'k'], cwd).stderr).toContain('Unknown option: --backend');
  });
});

describe('relocate --version', () => {
  it('prints the package version and the Sentry version the registry follows', () => {
    const { version } = JSON.parse(readFileSync(join(BIN, '..', '..', 'package.json'), 'utf8')) as { version: string };
    const result = runCli(['--version'], cwd);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`relocate ${version}\nSentry versions: 25.1.0 (verified), 26.9.0 (reconstructed); see relocate versions\n`);
  });
});

describe('strict parsing', () => {
  it('rejects an unknown command and suggests the closest', () => {
    const result = runCli(['modle-dependencies'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command: modle-dependencies. Did you mean model-dependencies?');
  });

  it('rejects an unknown option and suggests the closest', () => {
    const result = runCli(['model-dependencies', '--outt', 'x'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown option: --outt (did you mean --out?)');
  });

  it('rejects an unknown backend, naming the choices', () => {
    const result = runCli(['--backend', 'postgres', 'init'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Choices: "better-sqlite3", "sql.js"');
  });

  it('asks for a command when given none, pointing at --help once', () => {
    const result = runCli([], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`Error: Name a command: init, seed, export, import, check, repair, convert, versions, backup, keys, model-dependencies, inspector\n${HELP_LINE}\n`);
  });

  it('never prints a stack trace', () => {
    for (const args of [['modle'], ['init', '--db'], ['model-dependencies']]) {
      const result = runCli(args, cwd);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('scopes and arguments', () => {
  it.each([
    [['import', 'globl', 'f.json'], 'globl', 'global'],
    [['export', 'Global', 'out.json'], 'Global', 'global'],
    [['export', 'user', '--db', 'x.sqlite'], 'user', 'users'],
  ])('names a misspelt scope, lists the scopes and suggests the closest: %j', (args, word, suggestion) => {
    const result = runCli(args, cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`Error: Unknown scope: ${word}. Did you mean ${suggestion}? The scopes are ${SCOPE_LIST}\n${HELP_LINE}\n`);
  });

  it('says a scope is missing before SRC, and lists them', () => {
    const result = runCli(['import', 'f.json', '--db', 'x.sqlite'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Error: Missing scope before f.json: name one of users, organizations, config or global (relocate import SCOPE SRC)\n');
    expect(runCli(['export'], cwd).stderr).toContain('Error: Missing scope: name one of users, organizations, config or global (relocate export SCOPE [DEST])\n');
  });

  it('names a missing argument and says what it is', () => {
    expect(runCli(['import', 'global'], cwd).stderr).toBe(`Error: Missing SRC: the export to import, or - for stdin\n${HELP_LINE}\n`);
    expect(runCli(['backup', 'compare', 'a.json'], cwd).stderr).toContain('Error: Missing RIGHT: the actual export\n');
    expect(runCli(['backup', 'compare'], cwd).stderr).toContain('Error: Missing LEFT (the expected export) and RIGHT (the actual export)\n');
  });

  it('names a misspelt backup command and lists them all', () => {
    expect(runCli(['backup', 'compar', 'a', 'b'], cwd).stderr).toContain('Unknown backup command: compar. Did you mean compare? The backup commands are compare, comparators, roundtrip, encrypt, decrypt and sanitize');
  });

  it('cuts an oversized word it echoes', () => {
    const result = runCli(['import', `x${'y'.repeat(100_000)}`, 'f.json'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr.length).toBeLessThan(400);
    expect(result.stderr).toContain(`… (${100_001 - 80} more characters); name one of users`);
  });
});

describe('the pointer to --help', () => {
  it('follows usage errors only', () => {
    const usage = runCli(['import', 'config', 'f.json', '--import-uuid', 'not-a-uuid'], cwd);
    expect(usage.stderr).toBe(`Error: --import-uuid must be a UUID (such as 8d4a3b6e-2f1c-4e5a-9b7d-0c6e1f2a3b4c), got "not-a-uuid"\n${HELP_LINE}\n`);
    const notUsage = runCli(['export', 'global', '--db', 'nowhere.sqlite'], cwd);
    expect(notUsage.code).toBe(2);
    expect(notUsage.stderr).not.toContain('relocate --help');
  });
});
