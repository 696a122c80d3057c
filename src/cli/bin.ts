#!/usr/bin/env node
/// <reference types="node" />
import { run } from './main.js';

// A reader that stops early (`courier-claims batch … | head`) is not an error: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

process.exitCode = await run(process.argv.slice(2));
