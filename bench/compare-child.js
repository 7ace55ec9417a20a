// One measured run of bench/compare.js, in a process of its own so that its peak RSS is its own:
// `relocate LEFT RIGHT` runs `relocate backup compare LEFT RIGHT` as the CLI does; `baseline LEFT
// RIGHT` parses both files, groups the objects by model and deep-compares each pair in order.
// Ends with one line of JSON on stderr: seconds, peak RSS in MB, and what the run found.
import { main } from '../dist/cli/main.js';
import { nodeIo } from '../dist/cli/io.js';
import { arrayElements } from '../dist/core/json/array-elements.js';
import { fileSource } from '../dist/cli/file-source.js';
import { isDeepStrictEqual } from 'node:util';

const [mode, left, right] = process.argv.slice(2);
const start = process.hrtime.bigint();
let found;
if (mode === 'relocate') {
  // As bin/relocate.js runs it; the parent reads the findings' count from stdout.
  found = `exit ${await main(['backup', 'compare', left, right], nodeIo())}`;
} else {
  const group = (path) => {
    const models = new Map();
    for (const element of arrayElements(fileSource(path).chunks())) {
      const object = JSON.parse(element.text);
      let list = models.get(object.model);
      if (list === undefined) models.set(object.model, (list = []));
      list.push(object);
    }
    return models;
  };
  const a = group(left);
  const b = group(right);
  let unequal = 0;
  for (const [model, list] of a) list.forEach((object, i) => { if (!isDeepStrictEqual(object.fields, b.get(model)?.[i]?.fields)) unequal++; });
  found = `${unequal} unequal pairs`;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stderr.write(`${JSON.stringify({ seconds, rssMB: process.resourceUsage().maxRSS / 1024, found })}\n`);
