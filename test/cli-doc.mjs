// The commands of docs/cli.md and their outputs. Each ```sh block holding one `$ command` is followed by a
// ```text block with what the command prints (stdout, then stderr, then `[exit code N]` when not 0).
// `node test/cli-doc.mjs --write` (npm run docs:cli) runs the commands and rewrites the outputs; the test
// suite (test/cli-doc.test.ts) checks that they are current. Run after `npm run build`.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

export const DOC = 'docs/cli.md';
const BLOCK = /```sh\n\$ (.*)\n```\n(?:\n```text\n([\s\S]*?)```\n)?/g;

/** What a documented command prints, run with the built binary in place of `courier-claims`. */
export function outputOf(command) {
  const shell = command.replace(/(^|\| )courier-claims /g, '$1node dist/bin.js ');
  const r = spawnSync('/bin/bash', ['-c', shell], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}${r.status ? `[exit code ${r.status}]\n` : ''}`;
}

/** Each documented command with the output the page shows for it. */
export function documented(text = readFileSync(DOC, 'utf8')) {
  return [...text.matchAll(BLOCK)].map((m) => ({ command: m[1], shown: m[2] }));
}

if (process.argv.includes('--write')) {
  const text = readFileSync(DOC, 'utf8');
  writeFileSync(DOC, text.replace(BLOCK, (_all, command) => `\`\`\`sh\n$ ${command}\n\`\`\`\n\n\`\`\`text\n${outputOf(command)}\`\`\`\n`));
}
