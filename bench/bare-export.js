// The whole-process baseline of bench/export.js: every row of every relocatable table of the
// database at argv[2], read, JSON.stringify'd (indented, as an export is) and written to argv[3]
// in 1 MiB pieces. No Sentry format, no scope, no checks. Usage: node bench/bare-export.js DB OUT
import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { VERIFIED_REGISTRY } from '../dist/core/registry/index.js';

const db = new Database(process.argv[2], { readonly: true });
const fd = openSync(process.argv[3], 'w');
let text = '[\n';
for (const entry of VERIFIED_REGISTRY.relocatable) {
  for (const row of db.prepare(`SELECT * FROM "${entry.table}" ORDER BY "id"`).iterate()) {
    const { id, ...fields } = row;
    text += `${JSON.stringify({ model: entry.name, pk: id, fields }, null, 2)},\n`;
    if (text.length > 1 << 20) {
      writeSync(fd, text);
      text = '';
    }
  }
}
writeSync(fd, `${text}]\n`);
closeSync(fd);
