// Preloaded into a benchmarked process (`node --import ./bench/peak-rss.mjs …`): on exit, appends the
// process's peak resident set size in bytes, worker threads included, to the file named by PEAK_RSS_FILE.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.PEAK_RSS_FILE) appendFileSync(process.env.PEAK_RSS_FILE, `${process.resourceUsage().maxRSS * 1024}\n`);
});
