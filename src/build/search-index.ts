/**
 * Writes the search index (src/outputs/search-index.ts) from the search records. A build starts
 * this before rendering and collects it at the end; the indexing runs on its own thread at the
 * lowest priority, so it uses the second core while Astro renders on the first. An indexing
 * error rejects.
 */
import { Worker } from 'node:worker_threads';
import type { SearchRecord } from '../model/search-records.ts';

/** The folder of the output that holds the index (the search page reads it from `paths.searchIndex`). */
export const SEARCH_INDEX_DIR = 'search-index';

export type IndexJob = { records: readonly SearchRecord[]; outputPath: string };

/** Indexes `records` into `outputPath`; resolves with the number of records. */
export function writeSearchIndex(records: readonly SearchRecord[], outputPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const job: IndexJob = { records, outputPath };
    const thread = new Worker(new URL('./search-index-worker.ts', import.meta.url), { workerData: job });
    thread.once('message', (m: { written: number } | { error: string }) => {
      if ('error' in m) reject(new Error(`search index: ${m.error}`));
      else resolve(records.length);
    });
    thread.once('error', (e: Error) => reject(new Error(`search index: ${e.message}`)));
    thread.once('exit', (code) => reject(new Error(`search index: the indexing thread stopped (exit code ${code})`)));
  });
}
