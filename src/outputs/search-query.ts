/**
 * Answers a query over the static index of src/outputs/search-index.ts, loading only the
 * files it needs through `load` (fetch in the browser, a file read in tests). Runs in the
 * search page's script; pure otherwise, so tests drive it in Node against a built index.
 *
 * - An advisory id or alias alone ("CVE-2025-99802", any case) finds that advisory or nothing.
 * - Otherwise every word must match (AND). A word matches its stem; the last word, which may
 *   still be being typed, also matches longer terms it starts ("authoriz" → authorization)
 *   and the stem of what is typed so far, at a lower weight.
 * - Score: per word, the best weight of a matching term times its rarity (log of records over
 *   records holding it); an id or alias of the record itself weighs most, so it comes first.
 *   Ties keep index order: advisories newest first, then prose pages.
 */
import { isIdentifier } from '../schemas/identifiers.ts';
import type { DocRow, Facets, Manifest } from './search-index.ts';
import { fold, identifiers, isStopWord, stem, words } from './search-text.ts';

export type Load = (path: string) => Promise<unknown>;
export type Hit = { doc: number; score: number };
export const FILTER_GROUPS = ['severity', 'year', 'component'] as const;
export type FilterGroup = (typeof FILTER_GROUPS)[number];
/** Chosen values per group: OR within a group, AND across groups. */
export type Filters = Partial<Record<FilterGroup, readonly string[]>>;

type Candidate = { term: string; factor: number };
/** How many longer terms the last word may expand to. */
const MAX_EXPANSION = 64;
const OWN_ID_FACTOR = 10;

export class SearchClient {
  private manifestP: Promise<Manifest> | undefined;
  private readonly shards = new Map<number, Promise<Record<string, number[]>>>();
  private readonly chunks = new Map<number, Promise<DocRow[]>>();
  private facetsP: Promise<Facets> | undefined;

  private readonly load: Load;

  constructor(load: Load) {
    this.load = load;
  }

  manifest(): Promise<Manifest> {
    return (this.manifestP ??= this.load('manifest.json') as Promise<Manifest>);
  }

  /** Ranked hits of a query, unfiltered; empty for an empty query. */
  async search(query: string): Promise<Hit[]> {
    const m = await this.manifest();
    const q = query.trim();
    const tokens: Candidate[][] = isIdentifier(q) ? [[{ term: `=${fold(q)}`, factor: 1 }]] : await this.wordCandidates(q, m);
    if (tokens.length === 0) return [];
    let scores: Map<number, number> | undefined;
    for (const candidates of tokens) {
      const best = new Map<number, number>();
      for (const { term, factor } of candidates) {
        const list = (await this.shardFor(term, m))[term];
        if (!list) continue;
        const rarity = Math.log(1 + m.docs / (list.length / 2));
        let doc = 0;
        for (let i = 0; i < list.length; i += 2) {
          doc += list[i]!;
          const s = list[i + 1]! * factor * rarity;
          if (s > (best.get(doc) ?? 0)) best.set(doc, s);
        }
      }
      if (!scores) scores = best;
      else {
        const both = new Map<number, number>();
        for (const [doc, s] of best) if (scores.has(doc)) both.set(doc, scores.get(doc)! + s);
        scores = both;
      }
      if (scores.size === 0) return [];
    }
    return [...scores!].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /** The result rows of these records, in the order given. */
  async rows(docs: readonly number[]): Promise<DocRow[]> {
    const m = await this.manifest();
    return Promise.all(
      docs.map(async (doc) => {
        const n = Math.floor(doc / m.chunk);
        let chunk = this.chunks.get(n);
        if (!chunk) this.chunks.set(n, (chunk = this.load(`${m.version}/d${n}.json`) as Promise<DocRow[]>));
        return (await chunk)[doc % m.chunk]!;
      }),
    );
  }

  facets(): Promise<Facets> {
    return (this.facetsP ??= this.manifest().then((m) => this.load(`${m.version}/facets.json`) as Promise<Facets>));
  }

  /** The stems and ids a query matches, for highlighting. */
  static matchers(query: string): { stems: Set<string>; prefix: string } {
    const w = words(query).filter((x) => !isStopWord(x));
    return { stems: new Set(w.map(stem)), prefix: w.at(-1) ?? '' };
  }

  private async wordCandidates(q: string, m: Manifest): Promise<Candidate[][]> {
    const ids = identifiers(q);
    const rest = words(ids.reduce((text, id) => fold(text).replace(id, ' '), q)).filter((w) => !isStopWord(w));
    const out: Candidate[][] = ids.map((id) => [
      { term: `=${id}`, factor: OWN_ID_FACTOR },
      { term: id, factor: 1 },
    ]);
    for (const [i, w] of rest.entries()) {
      const s = stem(w);
      const candidates: Candidate[] = [{ term: s, factor: 1 }];
      if (i === rest.length - 1 && w.length >= 3) {
        // Longer terms the typed word starts, and stems the typed word already contains.
        const lo = w.length >= 5 ? w.slice(0, 4) : w;
        const found = await this.termsBetween(lo < s ? lo : s, `${w}\uffff`, m);
        const longer = found.filter((t) => t !== s && t.startsWith(w)).slice(0, MAX_EXPANSION);
        const shorter = found.filter((t) => t !== s && t.length >= 4 && w.startsWith(t));
        candidates.push(...longer.map((term) => ({ term, factor: 0.5 })), ...shorter.map((term) => ({ term, factor: 0.8 })));
      }
      out.push(candidates);
    }
    return out;
  }

  /** Index of the shard that would hold `term`. */
  private shardIndex(term: string, m: Manifest): number {
    let lo = 0;
    let hi = m.shards.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (m.shards[mid]! <= term) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private shard(n: number, m: Manifest): Promise<Record<string, number[]>> {
    let s = this.shards.get(n);
    if (!s) this.shards.set(n, (s = this.load(`${m.version}/t${n}.json`) as Promise<Record<string, number[]>>));
    return s;
  }

  private shardFor(term: string, m: Manifest): Promise<Record<string, number[]>> {
    return m.shards.length === 0 ? Promise.resolve({}) : this.shard(this.shardIndex(term, m), m);
  }

  /** Every indexed term in [lo, hi], from the shards that cover that range. */
  private async termsBetween(lo: string, hi: string, m: Manifest): Promise<string[]> {
    if (m.shards.length === 0) return [];
    const first = this.shardIndex(lo, m);
    const last = this.shardIndex(hi, m);
    const shards = await Promise.all(Array.from({ length: last - first + 1 }, (_, i) => this.shard(first + i, m)));
    return shards.flatMap((s) => Object.keys(s).filter((t) => t >= lo && t <= hi));
  }
}

/** The hits that pass the filters. */
export function applyFilters(hits: readonly Hit[], facets: Facets, filters: Filters): Hit[] {
  const wanted = FILTER_GROUPS.map((g) => new Set((filters[g] ?? []).map((v) => facets.values[g].indexOf(v))));
  return hits.filter(({ doc }) => {
    const f = facets.docs[doc];
    if (!f) return wanted.every((w) => w.size === 0);
    const [severity, year, components] = f;
    return (
      (wanted[0]!.size === 0 || wanted[0]!.has(severity)) &&
      (wanted[1]!.size === 0 || wanted[1]!.has(year)) &&
      (wanted[2]!.size === 0 || components.some((c) => wanted[2]!.has(c)))
    );
  });
}

/** For each group, how many hits each value would leave, given the other groups' choices. */
export function filterCounts(hits: readonly Hit[], facets: Facets, filters: Filters): Record<FilterGroup, Map<string, number>> {
  const out = {} as Record<FilterGroup, Map<string, number>>;
  for (const [g, group] of FILTER_GROUPS.entries()) {
    const others = applyFilters(hits, facets, { ...filters, [group]: [] });
    const counts = new Map<string, number>();
    for (const { doc } of others) {
      const f = facets.docs[doc];
      if (!f) continue;
      const values = g === 2 ? f[2] : [f[g] as number];
      for (const v of values) counts.set(facets.values[group][v]!, (counts.get(facets.values[group][v]!) ?? 0) + 1);
    }
    out[group] = counts;
  }
  return out;
}
