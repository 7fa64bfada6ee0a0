/**
 * Writes the per-advisory exports (OSV records, CSAF documents and their hashes) of every
 * published advisory into `dir`. A production build runs this on its worker thread
 * (src/build/worker.ts): tens of thousands of file writes, each a blocking system call,
 * then happen on the second core while Astro renders pages on the first.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SiteModel } from '../model/site-model.ts';
import { perAdvisoryFiles } from './per-advisory-files.ts';

/** Writes the files and returns how many. */
export function writeExports(model: SiteModel, dir: string): number {
  const made = new Set<string>();
  let count = 0;
  for (const p of model.published) {
    for (const file of perAdvisoryFiles(p, model)) {
      const target = join(dir, file.path);
      const folder = dirname(target);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      writeFileSync(target, file.text());
      count++;
    }
  }
  return count;
}
