/**
 * The search index as static files, built from the search records (src/model/search-records.ts)
 * and read by the search page's script (src/outputs/search-query.ts). It is made for a small
 * first search at any archive size: a visitor downloads the manifest, the one or two shards
 * holding the words typed, and the records of the results shown, never the whole index.
 *
 *   manifest.json       { format, version, docs, chunk, shards: first term of each shard }
 *   <version>/t<n>.json  shard n: { term: [doc, weight, doc - previous doc, weight, …] }
 *   <version>/d<n>.json  records n·chunk … as [url, title, excerpt, id?, level?, date?, withdrawn?]
 *   <version>/facets.json the filter values of every record, loaded when a filter is used
 *
 * `version` is a digest of everything else, so a visitor whose manifest is older than the
 * files never mixes two builds. Terms are the shared ones of search-text.ts; a record's own
 * ids are also indexed as `=<id>`, which an id query looks up alone.
 */
import { createHash } from 'node:crypto';
import type { SearchRecord } from '../model/search-records.ts';
import { WEIGHTS } from '../model/search-records.ts';
import { identifiers, terms } from './search-text.ts';

export const INDEX_FORMAT = 1;
/** Records per record file: a page of results touches at most this many files of this size. */
export const CHUNK = 8;
/** A shard is closed once it holds this many characters (a single term may exceed it). */
const SHARD_CHARS = 24_000;
/** Occurrences counted per field: a word repeated in the body does not outrank the title. */
const MAX_OCCURRENCES = 3;

export type Manifest = { format: number; version: string; docs: number; chunk: number; shards: string[] };
export type DocRow = [url: string, title: string, excerpt: string, id?: string, level?: string, date?: string, withdrawn?: 1];
export type Facets = { values: { severity: string[]; year: string[]; component: string[] }; docs: Array<[number, number, number[]] | 0> };

/** weight of each (term, record) pair, from the record's weighted fields. */
function postings(records: readonly SearchRecord[]): Map<string, Map<number, number>> {
  const index = new Map<string, Map<number, number>>();
  records.forEach((r, doc) => {
    const add = (term: string, w: number) => {
      let docs = index.get(term);
      if (!docs) index.set(term, (docs = new Map()));
      docs.set(doc, Math.min(99, (docs.get(doc) ?? 0) + w));
    };
    for (const [field, text] of r.fields) {
      const counts = new Map<string, number>();
      for (const t of terms(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [t, n] of counts) add(t, WEIGHTS[field] * Math.min(n, MAX_OCCURRENCES));
    }
    for (const id of r.identifiers.flatMap(identifiers)) add(`=${id}`, WEIGHTS.identifiers);
  });
  return index;
}

const encode = (docs: Map<number, number>) => {
  const out: number[] = [];
  let previous = 0;
  for (const doc of [...docs.keys()].sort((a, b) => a - b)) {
    out.push(doc - previous, docs.get(doc)!);
    previous = doc;
  }
  return out;
};

function facets(records: readonly SearchRecord[]): Facets {
  const values = { severity: new Map<string, number>(), year: new Map<string, number>(), component: new Map<string, number>() };
  const at = (map: Map<string, number>, v: string) => map.get(v) ?? (map.set(v, map.size), map.size - 1);
  const docs = records.map((r) =>
    r.filters
      ? ([
          at(values.severity, r.filters.severity),
          at(values.year, r.filters.year),
          r.filters.components.map((c) => at(values.component, c)),
        ] as [number, number, number[]])
      : (0 as const),
  );
  return {
    values: { severity: [...values.severity.keys()], year: [...values.year.keys()], component: [...values.component.keys()] },
    docs,
  };
}

/** Every file of the index, by path relative to the index folder, as JSON text. Deterministic. */
export function searchIndexFiles(records: readonly SearchRecord[]): Map<string, string> {
  const body = new Map<string, string>();
  const firsts: string[] = [];
  let shard: Record<string, number[]> = {};
  let size = 0;
  const close = () => {
    if (size === 0) return;
    body.set(`t${firsts.length - 1}.json`, JSON.stringify(shard));
    shard = {};
    size = 0;
  };
  const index = postings(records);
  for (const term of [...index.keys()].sort()) {
    if (size === 0) firsts.push(term);
    const list = encode(index.get(term)!);
    shard[term] = list;
    size += term.length + list.join(',').length + 4;
    if (size >= SHARD_CHARS) close();
  }
  close();
  for (let i = 0; i < records.length; i += CHUNK) {
    const rows = records.slice(i, i + CHUNK).map((r): DocRow => {
      const row: DocRow = [r.url, r.title, r.excerpt];
      if (r.advisory) row.push(r.advisory.id, r.advisory.level, r.advisory.date, ...(r.advisory.withdrawn ? [1 as const] : []));
      return row;
    });
    body.set(`d${i / CHUNK}.json`, JSON.stringify(rows));
  }
  body.set('facets.json', JSON.stringify(facets(records)));

  const digest = createHash('sha256');
  for (const [path, text] of body) digest.update(`${path}\n${text}\n`);
  const version = digest.digest('hex').slice(0, 12);
  const manifest: Manifest = { format: INDEX_FORMAT, version, docs: records.length, chunk: CHUNK, shards: firsts };
  const files = new Map<string, string>([['manifest.json', JSON.stringify(manifest)]]);
  for (const [path, text] of body) files.set(`${version}/${path}`, text);
  return files;
}
