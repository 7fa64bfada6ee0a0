/**
 * Writes the Pagefind index from search records with Pagefind's Node API. Pagefind indexes in
 * its own process, so a build starts this before rendering and collects it at the end: the
 * indexing runs on the second core while Astro renders on the first. Unlike wrappers that only
 * log, an indexing error rejects.
 */
import { close, createIndex } from 'pagefind';
import type { SearchRecord } from './search-records.ts';

/** Indexes `records` and writes the index with Pagefind's UI files to `outputPath`. */
export async function writeSearchIndex(records: readonly SearchRecord[], outputPath: string): Promise<number> {
  const { errors, index } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
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
