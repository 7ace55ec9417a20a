// The PostgreSQL server the benchmarks use: RELOCATE_BENCH_POSTGRES_URL (or RELOCATE_TEST_POSTGRES_URL)
// when set, else a throwaway one made from Debian's binaries in a temporary folder (initdb, then
// pg_ctl with a unix socket there and no TCP port; as the postgres user when run as root), stopped
// and removed when the process exits. Durability is off, as for the tests: these figures measure
// relocate and the protocol, not the disk. Returns undefined, with the reason, when there is none.
import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = '/usr/lib/postgresql';

function newestBin() {
  if (!existsSync(ROOT)) return undefined;
  const versions = readdirSync(ROOT).filter((name) => existsSync(join(ROOT, name, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(ROOT, versions[0], 'bin');
}

let started;

/** `{ url }` of a server whose user may create databases, or `{ skipped }` saying why there is none. */
export function benchPostgres() {
  const given = process.env.RELOCATE_BENCH_POSTGRES_URL ?? process.env.RELOCATE_TEST_POSTGRES_URL ?? '';
  if (given !== '') return { url: given };
  if (started !== undefined) return started;
  const bin = newestBin();
  if (bin === undefined) return { skipped: `no ${ROOT}/*/bin/initdb (apt-get install postgresql) and RELOCATE_BENCH_POSTGRES_URL is not set` };
  const asRoot = process.getuid?.() === 0;
  const run = (command, args) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  };
  const folder = mkdtempSync(join(tmpdir(), 'relocate-bench-pg-'));
  const data = join(folder, 'data');
  if (asRoot) {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(folder, id('-u'), id('-g'));
  }
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  appendFileSync(join(data, 'postgresql.conf'), [
    "listen_addresses = ''", `unix_socket_directories = '${folder}'`, 'fsync = off', 'synchronous_commit = off', 'full_page_writes = off', '',
  ].join('\n'));
  run('pg_ctl', ['-D', data, '-l', join(folder, 'server.log'), '-w', '-t', '60', 'start']);
  process.once('exit', () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
  started = { url: `postgresql:///postgres?host=${encodeURIComponent(folder)}&user=postgres` };
  return started;
}

/** `url` with its database replaced (libpq lets a later dbname win). */
export function withDatabase(url, database) {
  if (/^postgres(?:ql)?:\/\//i.test(url)) return `${url}${url.includes('?') ? '&' : '?'}dbname=${encodeURIComponent(database)}`;
  return `${url} dbname='${database}'`;
}
