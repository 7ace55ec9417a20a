// Runs the CLI in this process, as bin/relocate.js does, then reports on stderr, as one JSON line
// after the CLI's own output, its wall time and this process's peak RSS: what bench/check.js
// compares between commands. Usage: node bench/measured-cli.js ARGS...
import { main } from '../dist/cli/main.js';
import { nodeIo } from '../dist/cli/io.js';

const started = process.hrtime.bigint();
const code = await main(process.argv.slice(2), nodeIo());
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stderr.write(`\nMEASURED ${JSON.stringify({ code, seconds, maxRssKb: process.resourceUsage().maxRSS })}\n`);
process.exitCode = code;
