/**
 * Writes the per-advisory exports on a worker thread, so that tens of thousands of file
 * writes (each a blocking system call) run on the second core while Astro renders pages on
 * the first. It receives the corpus the build already checked, not a fresh read of the disk.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { AdvisoryEntry, Corpus } from '../lib/content.ts';
import { modelFromCorpus } from '../lib/model-from-corpus.ts';
import { perAdvisoryFiles } from './per-advisory-files.ts';

/** What crosses to the worker: the checked corpus without its line lookups (functions). */
export type ExportJob = {
  corpus: Omit<Corpus, 'advisories'> & { advisories: Array<Omit<AdvisoryEntry, 'lineOf'>> };
  now: string;
  dir: string;
};

// This thread only: the pages, which the rest of the build waits for, come first.
setPriority(19);

const { corpus, now, dir } = workerData as ExportJob;
const advisories = corpus.advisories.map((entry) => ({ ...entry, lineOf: () => undefined }));
const model = modelFromCorpus({ ...corpus, advisories }, new Date(now));
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
parentPort!.postMessage(count);
