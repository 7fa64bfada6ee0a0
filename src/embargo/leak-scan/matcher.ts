/**
 * Finding many secrets in one pass over a text's words (words.ts). Words are numbered from the
 * secrets' vocabulary (a word no secret uses is skipped at once); a one-word secret is found by
 * its number, a longer one by its rarest pair of adjacent words, so common words and common
 * pairs do not make every position a candidate.
 */
import { words } from './words.ts';

/**
 * One string that must not appear: whose it is, what it is (a field, a form), its words, and
 * how it is judged (distinctive.ts; `quoted` when not given).
 */
export type Secret = { advisory: string; what: string; text: string; words: string[]; kind?: 'quoted' | 'date' | 'text' };

export class SecretIndex<S extends Secret = Secret> {
  private readonly vocabulary = new Map<string, number>();
  private readonly single = new Map<number, S[]>();
  private readonly byPair = new Map<number, Array<{ secret: S; ids: number[]; at: number }>>();
  private static readonly SPAN = 2 ** 26;

  constructor(secrets: readonly S[]) {
    const idOf = (w: string) => {
      let id = this.vocabulary.get(w);
      if (id === undefined) this.vocabulary.set(w, (id = this.vocabulary.size));
      return id;
    };
    const pairKey = (a: number, b: number) => a * SecretIndex.SPAN + b;
    const entries = secrets.filter((s) => s.words.length > 0).map((secret) => ({ secret, ids: secret.words.map(idOf) }));
    const frequency = new Map<number, number>();
    for (const { ids } of entries) {
      for (let i = 0; i + 1 < ids.length; i++)
        frequency.set(pairKey(ids[i]!, ids[i + 1]!), (frequency.get(pairKey(ids[i]!, ids[i + 1]!)) ?? 0) + 1);
    }
    for (const { secret, ids } of entries) {
      if (ids.length === 1) {
        const list = this.single.get(ids[0]!);
        if (list) list.push(secret);
        else this.single.set(ids[0]!, [secret]);
        continue;
      }
      let at = 0;
      for (let i = 1; i + 1 < ids.length; i++) {
        if (frequency.get(pairKey(ids[i]!, ids[i + 1]!))! < frequency.get(pairKey(ids[at]!, ids[at + 1]!))!) at = i;
      }
      const key = pairKey(ids[at]!, ids[at + 1]!);
      const list = this.byPair.get(key);
      if (list) list.push({ secret, ids, at });
      else this.byPair.set(key, [{ secret, ids, at }]);
    }
  }

  /** The secrets found in a text (decoded and split by `words`). */
  find(text: string): S[] {
    return this.findWords(words(text));
  }

  findWords(w: readonly string[]): S[] {
    const ids = w.map((x) => this.vocabulary.get(x) ?? -1);
    const found = new Set<S>();
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i]!;
      if (a < 0) continue;
      for (const s of this.single.get(a) ?? []) found.add(s);
      const b = ids[i + 1];
      if (b === undefined || b < 0) continue;
      for (const { secret, ids: want, at } of this.byPair.get(a * SecretIndex.SPAN + b) ?? []) {
        const start = i - at;
        if (found.has(secret) || start < 0 || start + want.length > ids.length) continue;
        if (want.every((x, k) => ids[start + k] === x)) found.add(secret);
      }
    }
    return [...found];
  }
}

/** A reusable matcher for checking text that is not on disk (e.g. a live site's responses). */
export function secretMatcher<S extends Secret>(secrets: readonly S[]): (text: string) => S[] {
  const index = new SecretIndex(secrets);
  return (text) => index.find(text);
}
