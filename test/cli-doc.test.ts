import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM helper shared with `npm run docs:cli`
import { documented, outputOf } from './cli-doc.mjs';

describe('docs/cli.md shows what each command really prints', () => {
  const commands: { command: string; shown: string | undefined }[] = documented();

  it('documents every command', () => {
    for (const name of ['quote', 'compare', 'batch', 'test', 'schema', 'policies', 'policy check', 'policy show']) {
      expect(commands.some((c) => c.command.includes(`courier-claims ${name}`))).toBe(true);
    }
  });

  it.each(commands)('$ $command', ({ command, shown }) => {
    expect(outputOf(command), 'run `npm run docs:cli` to refresh docs/cli.md').toBe(shown);
  });
});
