/**
 * "Did you mean …?" for a mistyped field, release, component or type: the closest known name,
 * by edit distance (optimal string alignment, so a swap of two letters counts once), or by a
 * shared stem (`cwe_ids` → `cwe`, `publish` → `publish_at`).
 */

/** Edits (insert, delete, replace, swap two neighbours) turning `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/** Whether one name is the other plus a suffix after a separator (`cwe` and `cwe_ids`). */
function sharesStem(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.startsWith(short) && /^[_.\-\s]/.test(long.slice(short.length));
}

/** The known name `found` most likely meant, or undefined when none is close. */
export function closest(found: string, known: Iterable<string>): string | undefined {
  const wanted = found.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    if (name === found) continue;
    const candidate = name.toLowerCase();
    const distance = editDistance(wanted, candidate);
    const limit = Math.max(1, Math.floor(Math.max(wanted.length, candidate.length) / 3));
    if (distance > limit && !sharesStem(wanted, candidate)) continue;
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best?.name;
}

/** `; did you mean "x"?` for the end of a message, or nothing. */
export function didYouMean(found: string, known: Iterable<string>): string {
  const name = closest(found, known);
  return name === undefined ? '' : `; did you mean "${name}"?`;
}
