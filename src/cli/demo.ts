/**
 * Quotes one bundled fixture and prints its explained breakdown in English and Chinese:
 * `node dist/demo.js fixtures/worked-examples/example-2-loss-uninsured.json`.
 */
import { readFileSync } from 'node:fs';
import { explain, quote } from '../index.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: node dist/demo.js FIXTURE.json');
  process.exit(2);
}
const fixture = JSON.parse(readFileSync(file, 'utf8')) as { name: string; policy?: string; asOf?: string; claim: never };
const q = quote(fixture.claim, { ...(fixture.policy && { policy: fixture.policy }), ...(fixture.asOf && { asOf: fixture.asOf }) });
console.log(`# ${fixture.name}\n`);
console.log(explain(q, { lang: 'en' }));
console.log(explain(q, { lang: 'zh-CN' }));
