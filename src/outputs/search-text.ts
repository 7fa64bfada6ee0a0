/**
 * How text becomes search terms, shared by the index (src/outputs/search-index.ts, at build
 * time) and the search page's script (src/outputs/search-query.ts, in the browser), so a
 * query and a page always agree on what a word is.
 *
 * - Identifiers stay whole: an advisory id or alias (`oea-2026-001`, `cve-2025-99802`,
 *   `ghsa-3f4g-5h6j-7m8p`) is one term, never stemmed, so it can be matched exactly.
 * - Other text is folded (lower case, no accents) and cut at anything but letters and digits;
 *   common English words are dropped, and the rest is stemmed (Porter, the `stemmer` package),
 *   so "reports" finds "report".
 */
import { stemmer } from 'stemmer';

/** Ids and aliases inside running text, in any case (src/schemas/identifiers.ts gives the exact forms). */
const IDENTIFIER = /\b(?:oea-\d{4}-\d{3,}|cve-\d{4}-\d{4,}|pysec-\d{4}-\d+|ghsa(?:-[23456789cfghjmpqrvwx]{4}){3})\b/g;

const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have if in into is it its no not of on or such that the their then there these they this to was were will with'.split(
    ' ',
  ),
);

export const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const stems = new Map<string, string>();
/** The stem of one folded word (memoised: an archive repeats a few thousand words millions of times). */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) stems.set(word, (s = /^\d+$/.test(word) || word.length < 3 ? word : stemmer(word)));
  return s;
}

/** The identifiers in a text, folded. */
export const identifiers = (text: string): string[] => fold(text).match(IDENTIFIER) ?? [];

/** The words of a text, folded, in order (identifiers split into their parts, stop words kept). */
export const words = (text: string): string[] => fold(text).match(/[a-z0-9]+/g) ?? [];

/** The terms of a text: its identifiers whole, then the stems of its other words (stop words left out). */
export function terms(text: string): string[] {
  const out = identifiers(text);
  for (const w of words(text)) if (!STOP_WORDS.has(w)) out.push(stem(w));
  return out;
}

export const isStopWord = (word: string) => STOP_WORDS.has(word);
