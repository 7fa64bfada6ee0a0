/**
 * Preloaded into a measured process (`node --import`): on exit, write its peak resident
 * memory to the file named by BENCH_USAGE_FILE. Node reports maxRSS in kilobytes.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => writeFileSync(file, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })));
}
