/** The CLI's surface: help everywhere, strict parsing with suggestions, errors without stacks. */
import { describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from '../helpers/cli.js';

const cwd = temporaryFolder();

describe('relocate --help', () => {
  it('lists the commands on stdout', () => {
    const result = runCli(['--help'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('relocate init');
    expect(result.stdout).toContain('relocate model-dependencies');
    expect(result.stdout).toContain('--backend');
  });

  it.each(['init', 'model-dependencies'])('works for %s', (command) => {
    const result = runCli([command, '--help'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`relocate ${command}`);
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

  it('asks for a command when given none', () => {
    const result = runCli([], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Name a command');
  });

  it('never prints a stack trace', () => {
    for (const args of [['modle'], ['init', '--db'], ['model-dependencies']]) {
      const result = runCli(args, cwd);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
