/**
 * Which secret values are evidence of a leak when found in the output, and which are not
 * (docs/embargo.md, "Distinctive and common values"). Two tests, both needed:
 *
 * 1. Shape: can the value alone be told from ordinary text? Dates (every form of a full
 *    instant), ids, aliases, titles and commits can. Other values can when they are a token
 *    (one word of 6+ characters mixing letters and digits, or a number of 8+ digits) or
 *    several words with 10+ letters and digits in all, not only small numbers, or an id like
 *    "CWE-1321". A single word ("sha256" aside, which is a token), a short number or a
 *    version like "4.2.1" cannot.
 * 2. Occurrence: is the value explained without the advisory? It is when the output's other
 *    sources hold it too: what the site publishes from elsewhere (public advisories and
 *    notices, site.yaml, releases.yaml, prose pages, every instant these name and the clock's
 *    own dates, in every form) and the site's own code (templates, styles and scripts: CSS,
 *    CSP hashes, labels and the example dates of the help pages come from there; for dates,
 *    the code without its comments).
 *
 * Quoted values (an embargoed advisory's id, aliases, title, full commits) are never forgiven by
 * occurrence: public text holding one is refused by `check` (quotingRefused in
 * src/embargo/content-rules.ts), so a build never reaches the scan with one.
 */

/** How a secret value is judged: quoted values and dates by shape alone, other text by both tests. */
export type ValueKind = 'quoted' | 'date' | 'text';

const TOKEN = /^(?=.*\p{L})(?=.*\p{N})[\p{L}\p{N}]{6,}$/u;
const LONG_NUMBER = /^\p{N}{8,}$/u;
const SMALL_NUMBER = /^\p{N}{1,4}$/u;

/** Test 1: whether a value of this kind and these words (words.ts) may be evidence on its own. */
export function distinctiveShape(kind: ValueKind, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const letters = words.reduce((n, w) => n + w.length, 0);
  if (kind === 'date') return true;
  if (kind === 'quoted') return letters >= 6;
  if (words.length === 1) return TOKEN.test(words[0]!) || LONG_NUMBER.test(words[0]!);
  if (words.every((w) => SMALL_NUMBER.test(w))) return false;
  return letters >= 10 || (words.length === 2 && /^\p{L}+$/u.test(words[0]!) && /^\p{N}{2,}$/u.test(words[1]!));
}

/** Test 2 applies the site's code to this kind of value (see the module comment). */
export const explainedByCode = (kind: ValueKind): boolean => kind !== 'quoted';
