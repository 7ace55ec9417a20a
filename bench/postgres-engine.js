// Import and export on PostgreSQL, each beside a bare baseline in the same run, on the synthetic
// export (PG_ENGINE_ROWS, default 300,000 rows):
// - import global into a new database relocate makes, against the same file parsed and its rows
//   sent as they are through COPY (the driver's bulkInsert; no remapping, rules or chunks);
// - export global of that database in Sentry's format, against a plain SELECT of every table
//   streamed through the driver's cursor and JSON.stringify'd.
// Each runs in one transaction, as the CLI's do. Prints figures and ratios; asserts nothing.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPostgres } from '../dist/backends/postgres/index.js';
import { fileSource } from '../dist/cli/file-source.js';
import { arrayElements } from '../dist/core/json/array-elements.js';
import { ExportWriter } from '../dist/core/json/export-writer.js';
import { VERIFIED_REGISTRY } from '../dist/core/registry/index.js';
import { openByCatalog } from '../dist/db/open-by-catalog.js';
import { toStoredValue } from '../dist/db/field-codec.js';
import { exportRowsInScope } from '../dist/engine/export/index.js';
import { HOLD_OBJECTS_UP_TO } from '../dist/engine/import/index.js';
import { importInScope } from '../dist/engine/import/index.js';
import { benchPostgres, withDatabase } from './postgres-server.js';

const BIN = fileURLToPath(new URL('../bin/relocate.js', import.meta.url));
const ROWS = Number(process.env.PG_ENGINE_ROWS ?? 300_000);
const registry = VERIFIED_REGISTRY;
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
// Client CPU beside wall time: on a shared machine the wall figures move with the other load.
const cpu = (since) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
const rate = (rows, s) => `${Math.round(rows / s).toLocaleString('en-US')} rows/s`;

const server = benchPostgres();
if (server.url === undefined) {
  console.log(`\npostgres engine bench skipped: ${server.skipped}`);
} else {
  const folder = mkdtempSync(join(tmpdir(), 'relocate-bench-'));
  const backup = join(folder, 'backup.json');
  let start = process.hrtime.bigint();
  execFileSync(process.execPath, [BIN, 'seed', 'synthetic', '--rows', String(ROWS), '--db', join(folder, 'source.sqlite'), '--silent']);
  execFileSync(process.execPath, [BIN, 'export', 'global', backup, '--db', join(folder, 'source.sqlite'), '--silent']);
  console.log(`\npostgres: synthetic export of ${(statSync(backup).size / 1e6).toFixed(0)} MB made in ${seconds(start).toFixed(1)} s`);

  const admin = openPostgres(server.url);
  const name = `relocate_bench_${randomBytes(4).toString('hex')}`;
  admin.exec(`CREATE DATABASE ${name}`);
  const url = withDatabase(server.url, name);
  try {
    // relocate: a Global import into a new database (relocate's tables made first, not timed).
    const target = openPostgres(url);
    target.exec('BEGIN');
    const opened = openByCatalog(target, { registries: [registry], fallback: registry, create: true, write: true, subject: 'the bench database' });
    target.exec('COMMIT');
    start = process.hrtime.bigint();
    let cpuStart = process.cpuUsage();
    target.exec('BEGIN');
    const report = importInScope(opened.driver, fileSource(backup), { registry, scope: 'Global', holdObjects: statSync(backup).size <= HOLD_OBJECTS_UP_TO });
    target.exec('COMMIT');
    const imported = seconds(start);
    const importedCpu = cpu(cpuStart);
    const written = report.total((model) => model.written);

    // Baseline: the same objects parsed and sent as they are, pk kept, each model's rows in one COPY.
    const bare = openPostgres(url);
    bare.exec('CREATE SCHEMA baseline; SET search_path TO baseline');
    bare.exec('BEGIN');
    const plain = openByCatalog(bare, { registries: [registry], fallback: registry, create: true, write: true, subject: 'the baseline schema' }).driver;
    bare.exec('COMMIT');
    start = process.hrtime.bigint();
    cpuStart = process.cpuUsage();
    bare.exec('BEGIN');
    let copied = 0;
    let batch;
    const flush = () => {
      if (batch !== undefined) copied += plain.bulkInsert(batch.entry.table, ['id', ...batch.entry.fields.map((field) => field.column)], batch.rows);
    };
    for (const element of arrayElements(fileSource(backup).chunks())) {
      const object = JSON.parse(element.text);
      if (batch?.entry.name !== object.model) {
        flush();
        const entry = registry.get(object.model);
        batch = { entry, rows: [], convert: entry.fields.map((field) => plain.dialect.bulkValue(entry, field)) };
      }
      batch.rows.push([object.pk, ...batch.entry.fields.map((field, i) => {
        const stored = toStoredValue(field, object.fields[field.name] ?? null);
        return batch.convert[i] === undefined || stored === null ? stored : batch.convert[i](stored);
      })]);
    }
    flush();
    bare.exec('COMMIT');
    const baselineImport = seconds(start);
    const baselineImportCpu = cpu(cpuStart);
    bare.close();

    // relocate: a Global export in Sentry's format from one read-only snapshot, encoded into a
    // 1 MiB buffer that is then dropped (what the CLI's output sink does before each write).
    start = process.hrtime.bigint();
    cpuStart = process.cpuUsage();
    target.exec(target.dialect.beginReadSnapshot);
    const writer = new ExportWriter(2);
    const buffer = Buffer.allocUnsafe(1 << 20);
    let offset = 0;
    const put = (text) => {
      if (offset + text.length > buffer.length) offset = 0;
      offset += text.length > buffer.length ? text.length : buffer.latin1Write(text, offset);
    };
    for (const row of exportRowsInScope(opened.driver, { registry, scope: 'Global' }).rows) put(writer.object(row));
    put(writer.end());
    target.exec('COMMIT');
    const exported = seconds(start);
    const exportedCpu = cpu(cpuStart);

    // Baseline: every table read whole through the driver's cursor and serialized, in one snapshot.
    start = process.hrtime.bigint();
    cpuStart = process.cpuUsage();
    target.exec(target.dialect.beginReadSnapshot);
    let selected = 0;
    for (const entry of registry.relocatable) {
      for (const row of target.prepare(`SELECT * FROM "${entry.table}" ORDER BY "id"`).iterate()) {
        const { id, ...fields } = row;
        put(JSON.stringify({ model: entry.name, pk: id, fields }, null, 2));
        selected++;
      }
    }
    target.exec('COMMIT');
    const baselineExport = seconds(start);
    const baselineExportCpu = cpu(cpuStart);
    target.close();

    const line = (what, rows, wall, used) => `  ${what.padEnd(38)} ${rate(rows, wall).padStart(16)} (${rows.toLocaleString('en-US')} rows, ${wall.toFixed(2)} s; client CPU ${used.toFixed(2)} s)`;
    console.log(line('import, COPY baseline (parse + COPY):', copied, baselineImport, baselineImportCpu));
    console.log(line('import, relocate import global:', written, imported, importedCpu));
    console.log(`  import ratio: ${(imported / baselineImport).toFixed(2)}x the baseline's time (target 2x: ${imported / baselineImport <= 2 ? 'met' : 'not met'})`);
    console.log(line('export, SELECT baseline (+ stringify):', selected, baselineExport, baselineExportCpu));
    console.log(line('export, relocate export global:', writer.count, exported, exportedCpu));
    console.log(`  export ratio: ${(exported / baselineExport).toFixed(2)}x the baseline's time (target 1.3x: ${exported / baselineExport <= 1.3 ? 'met' : 'not met'})`);
  } finally {
    admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    admin.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
