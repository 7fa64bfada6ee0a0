/**
 * The built search index read back through the search page's own query engine
 * (src/outputs/search-query.ts), from a build's files: tests search a build as a visitor does.
 */
import { SearchClient } from '../../src/outputs/search-query.ts';
import type { DocRow } from '../../src/outputs/search-index.ts';
import { SEARCH_INDEX_DIR } from '../../src/build/search-index.ts';

/** A client over the index files of a build (paths relative to the output folder, as readTree gives them). */
export function indexClient(files: ReadonlyMap<string, string>): SearchClient {
  return new SearchClient(async (path) => {
    const text = files.get(`${SEARCH_INDEX_DIR}/${path}`);
    if (text === undefined) throw new Error(`search index: no file ${path}`);
    return JSON.parse(text);
  });
}

/** The rows of every hit of `query`, best first. */
export async function searchRows(client: SearchClient, query: string): Promise<Array<{ doc: number; row: DocRow }>> {
  const hits = await client.search(query);
  const rows = await client.rows(hits.map((h) => h.doc));
  return hits.map((h, i) => ({ doc: h.doc, row: rows[i]! }));
}
