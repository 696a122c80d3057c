// Preloaded into a benchmarked process (`node --import ./bench/peak-rss.mjs …`): on exit, appends to the file
// named by PEAK_RSS_FILE the process's peak resident set size in bytes and the CPU time it used in
// microseconds (user + system), worker threads included in both.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  if (!process.env.PEAK_RSS_FILE) return;
  const usage = process.resourceUsage();
  appendFileSync(process.env.PEAK_RSS_FILE, `${usage.maxRSS * 1024} ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
