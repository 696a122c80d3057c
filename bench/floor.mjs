// The floor the batch command is measured against: read NDJSON, JSON.parse and JSON.stringify each line,
// write it to stdout. Nothing else. Usage: node bench/floor.mjs FILE > out
import { createReadStream } from 'node:fs';

const write = (text) => (process.stdout.write(text) ? undefined : new Promise((resolve) => process.stdout.once('drain', resolve)));

let rest = '';
for await (const piece of createReadStream(process.argv[2], { encoding: 'utf8' })) {
  const lines = (rest + piece).split('\n');
  rest = lines.pop();
  let out = '';
  for (const line of lines) if (line !== '') out += `${JSON.stringify(JSON.parse(line))}\n`;
  await write(out);
}
if (rest !== '') await write(`${JSON.stringify(JSON.parse(rest))}\n`);
