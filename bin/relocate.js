#!/usr/bin/env node
// The CLI entry point: everything else is in src/cli (built to dist/cli by `npm run build`).
import { main } from '../dist/cli/main.js';
import { nodeIo } from '../dist/cli/io.js';

process.exitCode = await main(process.argv.slice(2), nodeIo());
