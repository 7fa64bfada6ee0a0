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
  try {
    for (const thread of readdirSync('/proc/self/task')) {
      for (const pid of readFileSync(`/proc/self/task/${thread}/children`, 'utf8').split(' ').filter(Boolean)) {
        if (!readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith(name)) continue;
        for (const task of readdirSync(`/proc/${pid}/task`)) setPriority(Number(task), 19);
      }
    }
  } catch {
    // Not Linux, or the process ended: nothing to adjust.
  }
}
