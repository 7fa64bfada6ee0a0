/**
 * A Pagefind index searched as the search page searches it: the `pagefind.js` the build wrote,
 * loaded in Node and pointed at the bundle served by nginx with the repository's configuration
 * (src/deploy/nginx-server.ts), driven by the page's own
 * queries (src/components/search-query.ts). Tests search a build, or an index written from
 * records, the way a visitor does, with Pagefind's real engine.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SEARCH_INDEX_DIR } from '../../src/build/search-index.ts';
import { pagefindOptions, SiteSearch, type Fragment, type PagefindApi } from '../../src/components/search-query.ts';
import { startNginx } from '../../src/deploy/nginx-server.ts';

export type IndexSession = {
  search: SiteSearch;
  /** Result URLs (root-relative) of a query, best first. */
  urls: (query: string, chosen?: Parameters<SiteSearch['search']>[1]) => Promise<string[]>;
  /** Every result's record, best first. */
  fragments: (query: string) => Promise<Fragment[]>;
  close: () => Promise<void>;
};

let loads = 0;

/** Opens the index of a build's output folder (its `pagefind/` bundle; readable by nginx's workers). */
export async function openIndex(outDir: string): Promise<IndexSession> {
  const server = await startNginx(outDir);
  // A fresh module instance per index: pagefind.js keeps one search instance per module.
  const url = `${pathToFileURL(join(outDir, SEARCH_INDEX_DIR, 'pagefind.js')).href}?load=${loads++}`;
  const pagefind = (await import(url)) as PagefindApi;
  await pagefind.options(pagefindOptions(`${server.url}/${SEARCH_INDEX_DIR}/`, '/'));
  await pagefind.init();
  const search = new SiteSearch(pagefind);
  const fragments = async (query: string) => Promise.all((await search.search(query)).map((h) => h.data()));
  return {
    search,
    urls: async (query, chosen) => Promise.all((await search.search(query, chosen)).map(async (h) => (await h.data()).url)),
    fragments,
    close: () => server.stop(),
  };
}
