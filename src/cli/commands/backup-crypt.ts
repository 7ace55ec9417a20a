/**
 * `relocate backup encrypt DEST --src SRC --encrypt-with PUB.pem` and `relocate backup decrypt
 * DEST --src TAR --decrypt-with PRIV.pem` (Sentry's), and `relocate keys generate --out DIR`.
 * DEST is written only when everything worked; decrypt writes the JSON exactly as it was
 * encrypted.
 */
import { chmod, lstat, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { SNIFF_BYTES, generateKeyPair, identifyFile } from '../../crypto/index.js';
import { arrayElements } from '../../core/json/array-elements.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { decryptFile, readInput, writeEncrypted } from '../encryption.js';
import { refuseWrongKind } from '../file-source.js';
import type { InputReader } from '../file-source.js';
import { CommandError } from '../exit.js';
import { withFileErrors } from '../file-errors.js';
import { checkReadable } from '../file-source.js';
import { dash, writeFileAtomic } from '../io.js';
import { commandEntry } from '../command-table.js';

/** Every input a command names (`-` is stdin), checked before any work so that a refusal names it. */
async function checkInputs(source: string, key: string | undefined, keyKind: string): Promise<void> {
  if (source !== '-') await checkReadable(source);
  if (key !== undefined && key !== '-') await checkReadable(key, `read the ${keyKind}`);
}

const ENCRYPT: InputReader = { verb: 'encrypt' };
const DECRYPT: InputReader = { verb: 'decrypt', keyOption: '--decrypt-with', plainAdvice: 'it is not encrypted, so there is nothing to decrypt' };

interface CryptArgs extends GlobalOptions {
  readonly dest: string;
  readonly src: string;
  readonly encryptWith?: string;
  readonly decryptWith?: string;
}

function dashes(args: CryptArgs): CryptArgs {
  return { ...args, dest: dash(args.dest), src: dash(args.src) };
}

export function cryptCommands(context: CommandContext): CommandModule<GlobalOptions, GlobalOptions>[] {
  return [
    {
      command: 'encrypt <dest>',
      describe: 'Encrypt an export into Sentry\'s tarball (export.json, data.key, key.pub)',
      builder: (yargs) => yargs
        .positional('dest', { type: 'string', demandOption: true, describe: 'The tarball to write, or - for stdout' })
        .option('src', { type: 'string', demandOption: true, describe: 'The export (JSON) to encrypt', requiresArg: true })
        .option('encrypt-with', { type: 'string', demandOption: true, describe: 'The public key (SPKI PEM)', requiresArg: true }) as never,
      handler: (argv) => context.run(async () => {
        const args = dashes(argv as unknown as CryptArgs);
        await checkInputs(args.src, args.encryptWith, 'public key');
        const json = await readInput(args.src, ENCRYPT.verb);
        refuseWrongKind(await identifyFile(json.subarray(0, SNIFF_BYTES)), args.src, ENCRYPT, false);
        // Refuse what is not an export (Sentry's "Invalid input JSON"): the reader checks the array.
        for (const element of arrayElements([json])) void element;
        await writeEncrypted(args.dest, json, args.encryptWith as string, context.io);
      }),
    },
    {
      command: 'decrypt <dest>',
      describe: 'Decrypt Sentry\'s encrypted export tarball back to its JSON',
      builder: (yargs) => yargs
        .positional('dest', { type: 'string', demandOption: true, describe: 'The JSON file to write, or - for stdout' })
        .option('src', { type: 'string', demandOption: true, describe: 'The tarball', requiresArg: true })
        .option('decrypt-with', { type: 'string', demandOption: true, describe: 'The private key (PKCS#8 PEM)', requiresArg: true }) as never,
      handler: (argv) => context.run(async () => {
        const args = dashes(argv as unknown as CryptArgs);
        await checkInputs(args.src, args.decryptWith, 'private key');
        const json = await decryptFile(args.src, args.decryptWith as string, DECRYPT);
        if (args.dest === '-') await context.io.writeStdout(json);
        else await writeFileAtomic(args.dest, json);
      }),
    },
  ];
}

export function keysCommand(context: CommandContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: commandEntry('keys').command,
    describe: commandEntry('keys').describe,
    builder: (yargs) => yargs
      .command('generate', 'Write a new RSA-2048 key pair: DIR/key.pem (PKCS#8, mode 0600) and DIR/key.pub (SPKI)', (sub) =>
        sub
          .option('out', { type: 'string', demandOption: true, describe: 'The folder to write the keys to', requiresArg: true })
          .option('force', { type: 'boolean', default: false, describe: 'Replace a key pair already in DIR (tarballs encrypted for it can then never be decrypted)' }),
      (argv) => context.run(() => generateKeys(context, argv as unknown as { out: string; force: boolean })))
      .demandCommand(1, 'Name a keys command: generate'),
    handler: () => undefined,
  };
}

/**
 * Writes a new key pair. An existing one is kept unless `--force`: the private key is the only way
 * to decrypt every tarball made for its public half, so replacing it silently loses them all.
 */
async function generateKeys(context: CommandContext, args: { out: string; force: boolean }): Promise<void> {
  const privatePath = join(args.out, 'key.pem');
  const publicPath = join(args.out, 'key.pub');
  if (!args.force) {
    const existing: string[] = [];
    for (const path of [privatePath, publicPath]) if (await lstat(path).then(() => true, () => false)) existing.push(path);
    if (existing.length > 0) {
      throw new CommandError(`${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}: once the key pair is `
        + 'replaced, tarballs encrypted for it can never be decrypted. Choose another --out, or pass --force to replace it');
    }
  }
  const { privatePem, publicPem } = await generateKeyPair();
  await withFileErrors(args.out, 'create the folder', () => mkdir(args.out, { recursive: true }));
  await writeFileAtomic(privatePath, privatePem);
  await withFileErrors(privatePath, 'write', () => chmod(privatePath, 0o600));
  await writeFileAtomic(publicPath, publicPem);
  context.io.stderr(`Wrote ${privatePath} (private, keep it) and ${publicPath} (public, give it to whoever encrypts)\n`);
}
