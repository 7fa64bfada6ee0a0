/**
 * Writes the Pagefind index from search records with Pagefind's Node API. Pagefind indexes in
 * its own process, so a build starts this before rendering and collects it at the end: the
 * indexing runs on the second core while Astro renders on the first. Unlike wrappers that only
 * log, an indexing error rejects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { close, createIndex } from 'pagefind';
import type { SearchRecord } from '../model/search-records.ts';

/** Indexes `records` and writes the index with Pagefind's UI files to `outputPath`. */
export async function writeSearchIndex(records: readonly SearchRecord[], outputPath: string): Promise<number> {
  const { errors, index } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  yieldToRendering('pagefind');
  try {
    // Pagefind answers requests in order; sending in batches keeps the pipe full without
    // queueing ten thousand promises at once.
    for (let i = 0; i < records.length; i += 256) {
      const added = await Promise.all(records.slice(i, i + 256).map((r) => index.addCustomRecord(r)));
      const failed = added.flatMap((a, k) => a.errors.map((e) => `${records[i + k]!.url}: ${e}`));
      if (failed.length > 0) throw new Error(`search index: ${failed.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
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
