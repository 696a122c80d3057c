import type { run as runCommand } from './main.js';

/**
 * `require('courier-claims/cli')`: run() of the ESM build, loaded on the first call, so that the package holds
 * the command line and the library once. Node 20 loads ESM from CommonJS only through import().
 */
export async function run(...args: Parameters<typeof runCommand>): ReturnType<typeof runCommand> {
  const cli = await import('./main.js');
  return cli.run(...args);
}
