import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// For `npm run mutation`: only the tests that run the source in-process can kill a mutant.
export default mergeConfig(
  base,
  defineConfig({ test: { exclude: [...configDefaults.exclude, 'test/cli.test.ts', 'test/cli-doc.test.ts', 'test/dist.test.ts', 'test/playground.test.ts'] } }),
);
