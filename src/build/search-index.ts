/**
 * Writes the Pagefind index from the search records with Pagefind's Node API. Pagefind indexes
 * in its own process, so a build starts this before rendering and collects it at the end: the
 * indexing runs on the second core while Astro renders on the first. Unlike wrappers that only
 * log, an indexing error rejects.
 *
 * Only what the search page loads is kept: `pagefind.js` (the search API, run without its web
 * worker), the entry file, the metadata, the English WebAssembly engine, and the word, filter
 * and record chunks. Pagefind's UI bundles, its worker and the engine for unknown languages
 * are deleted after writing (https://pagefind.app/docs/api/).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import type { SearchRecord } from '../model/search-records.ts';

/** The folder of the output that holds the index (the search page reads it from `paths.pagefind`). */
export const SEARCH_INDEX_DIR = 'pagefind';

/** Files of Pagefind's bundle that the search page uses; everything else it writes is removed. */
const USED = /^(pagefind\.js|pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|wasm\.en\.pagefind|index|fragment|filter)$/;

/**
 * The records in the order they are added: fewest words first (ties in the order given).
 * Pagefind's metadata, which every first search downloads, lists each record's hash and word
 * count in the order added; in this order the counts compress to almost nothing (5 KB less
 * at 10,000 advisories). Results of equal score keep this order; others are ranked by score.
 */
export function indexOrder(records: readonly SearchRecord[]): SearchRecord[] {
  const words = (r: SearchRecord) => r.content.split(/\s+/).filter(Boolean).length;
  return records
    .map((r, i) => ({ r, i, n: words(r) }))
    .sort((a, b) => a.n - b.n || a.i - b.i)
    .map((x) => x.r);
}

/** Indexes `records` and writes the bundle to `outputPath`; resolves with the number of records. */
export async function writeSearchIndex(given: readonly SearchRecord[], outputPath: string): Promise<number> {
  const records = indexOrder(given);
  const { errors, index } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  yieldToRendering('pagefind');
  try {
    // Pagefind answers requests in order; sending in batches keeps the pipe full without
    // queueing ten thousand promises at once.
    for (let i = 0; i < records.length; i += 256) {
      const batch = records.slice(i, i + 256);
      const added = await Promise.all(batch.map((r) => index.addCustomRecord({ ...r, meta: { ...r.meta } })));
      const failed = added.flatMap((a, k) => a.errors.map((e) => `${batch[k]!.url}: ${e}`));
      if (failed.length > 0) throw new Error(`search index: ${failed.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
    for (const name of readdirSync(outputPath)) if (!USED.test(name)) rmSync(join(outputPath, name), { recursive: true });
    return records.length;
  } finally {
    await close();
  }
}

/**
 * Lowers the scheduling priority of our child processes named `name` (every thread of each),
 * so that on a machine with few cores the indexer uses what Astro's rendering leaves idle
 * instead of slowing the pages that the rest of the build waits for. Linux only; elsewhere,
 * or without permission, the build is merely slower.
 */
function yieldToRendering(name: string): void {
  for (const pid of childProcesses(name)) {
    try {
      for (const task of readdirSync(`/proc/${pid}/task`)) setPriority(Number(task), 19);
    } catch {
      // The process ended, or no permission: nothing to adjust.
    }
  }
}

/**
 * Ends the indexer at once, for a build that is failing or interrupted: left running, it
 * would go on writing its files into a staging folder the build has just removed. Waits
 * (at most a second) until it can write no more. Linux only; elsewhere the indexer ends
 * when the build's process does.
 */
export function stopIndexer(): void {
  const pids = childProcesses('pagefind');
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < 1000 && pids.some(running); waited += 10) Atomics.wait(pause, 0, 0, 10);
}

/** Our child processes (of any thread) whose name starts with `name`; none where /proc is missing. */
function childProcesses(name: string): number[] {
  const pids: number[] = [];
  try {
    for (const thread of readdirSync('/proc/self/task')) {
      for (const pid of readFileSync(`/proc/self/task/${thread}/children`, 'utf8').split(' ').filter(Boolean)) {
        try {
          if (readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith(name)) pids.push(Number(pid));
        } catch {
          // It ended meanwhile.
        }
      }
    }
  } catch {
    // Not Linux.
  }
  return pids;
}

/** Neither gone nor a zombie (which can no longer write). */
function running(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)?.[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}
