/**
 * The search page's queries over Pagefind's JavaScript API (`pagefind.js`, written by the
 * build into `paths.pagefind`; https://pagefind.app/docs/api/). Independent of the page's DOM,
 * so tests run the same queries in Node against a built index.
 *
 * - An advisory id or alias alone ("cve-2025-99802", any case) is searched as an exact phrase,
 *   and the advisory whose own id or alias it is comes first; an unknown one finds nothing.
 * - Filters are OR within a group and AND across groups. Their index is requested only when
 *   `counts` is first called (the page calls it when the filters are opened).
 */
import { isIdentifier } from '../schemas/identifiers.ts';

/** The part of a record a result shows (Pagefind's fragment). */
export type Fragment = { url: string; excerpt: string; meta: Record<string, string | undefined> };
type Response = { results: Array<{ id: string; data: () => Promise<Fragment> }>; filters: Record<string, Record<string, number>> };
type Filter = Record<string, { any: string[] }>;
/** What this module uses of `pagefind.js`. */
export type PagefindApi = {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: { filters?: Filter }): Promise<Response | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
};

export const FILTER_GROUPS = ['severity', 'year', 'component'] as const;
export type FilterGroup = (typeof FILTER_GROUPS)[number];
/** Chosen values per group. */
export type Chosen = Partial<Record<FilterGroup, readonly string[]>>;
export type Counts = Record<FilterGroup, Record<string, number>>;
export type Hit = { id: string; data: () => Promise<Fragment> };

/** Results shown at first and added by "Show more": about a screen, and each one a record to download. */
export const PAGE_SIZE = 5;
/** How many results of an exact query are read to find the ones that own the id. */
const EXACT_READ = 50;

/** Options for `pagefind.options()`, given before `init()`. */
export function pagefindOptions(bundlePath: string, baseUrl: string): Record<string, unknown> {
  return {
    basePath: bundlePath,
    // Result URLs are root-relative routes; Pagefind puts the deployment's base path before them.
    baseUrl,
    // The worker is a second copy of the engine's script (12 KB gzip); a search over a few
    // thousand records takes milliseconds on the page's own thread.
    noWorker: true,
  };
}

const toFilter = (chosen: Chosen): Filter =>
  Object.fromEntries(FILTER_GROUPS.flatMap((g) => (chosen[g]?.length ? [[g, { any: [...chosen[g]!] }]] : [])));

/** A fragment is loaded once, however often a result is shown. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= load());
}

export const ownsId = (fragment: Fragment, id: string): boolean =>
  (fragment.meta.ids ?? '').split(' ').some((own) => own.toLowerCase() === id.toLowerCase());

export class SiteSearch {
  private readonly pagefind: PagefindApi;
  private filtersLoaded: Promise<unknown> | undefined;

  constructor(pagefind: PagefindApi) {
    this.pagefind = pagefind;
  }

  /** Ranked results of a query under the chosen filters; empty for an empty query. */
  async search(query: string, chosen: Chosen = {}): Promise<Hit[]> {
    const q = query.trim();
    const response = await this.query(q, chosen);
    const hits = (response?.results ?? []).map((r) => ({ id: r.id, data: once(r.data) }));
    if (!isIdentifier(q)) return hits;
    const owners = new Set<Hit>();
    for (const [i, fragment] of (await Promise.all(hits.slice(0, EXACT_READ).map((h) => h.data()))).entries())
      if (ownsId(fragment, q)) owners.add(hits[i]!);
    return [...owners, ...hits.filter((h) => !owners.has(h))];
  }

  /**
   * For each group, how many results each value would leave, the other groups' choices kept.
   * The first call loads every filter's values.
   */
  async counts(query: string, chosen: Chosen): Promise<Counts> {
    await (this.filtersLoaded ??= this.pagefind.filters());
    const q = query.trim();
    const all = await this.query(q, chosen);
    const out = {} as Counts;
    for (const g of FILTER_GROUPS) {
      const response = chosen[g]?.length ? await this.query(q, { ...chosen, [g]: [] }) : all;
      out[g] = response?.filters[g] ?? {};
    }
    return out;
  }

  private query(q: string, chosen: Chosen): Promise<Response | null> {
    if (!q) return Promise.resolve(null);
    return this.pagefind.search(isIdentifier(q) ? `"${q}"` : q, { filters: toFilter(chosen) });
  }
}
