/**
 * Version ranges as records write them, to the site's `{ introduced, fixed | last_affected }`
 * (OSV's event model: https://ossf.github.io/osv-schema/#affectedranges-field).
 *
 * GitHub and many CVE records write ">= 7.0.2, < 7.0.5", "< 1.2.3" or "<= 2.0"; OSV writes
 * events. A bound that is a commit id is not a version: callers treat those as fix commits.
 */
export type Range = { introduced: string; fixed?: string; last_affected?: string };

const VERSION = /^v?\d+(\.[0-9A-Za-z-]+)*([+.-][0-9A-Za-z.-]+)?$/;
export const isVersion = (s: string | undefined): s is string => !!s && VERSION.test(s.trim()) && !/^[0-9a-f]{7,40}$/.test(s.trim());

/** ">= 7.0.2, < 7.0.5" → { introduced: 7.0.2, fixed: 7.0.5 }; undefined when it is not a version range. */
export function parseRangeText(text: string | null | undefined): Range | undefined {
  if (!text) return undefined;
  let introduced: string | undefined;
  let fixed: string | undefined;
  let lastAffected: string | undefined;
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(>=|>|<=|<|=)?\s*(\S+)$/.exec(part);
    if (!m || !isVersion(m[2])) return undefined;
    const [, op = '=', version] = m;
    if (op === '>=') introduced = version;
    else if (op === '<') fixed = version;
    else if (op === '<=') lastAffected = version;
    else if (op === '=') {
      introduced = version;
      lastAffected = version;
    } else return undefined; // "> x" has no OSV event; a person must say which version came next
  }
  if (!introduced && !fixed && !lastAffected) return undefined;
  return { introduced: introduced ?? '0', ...(fixed ? { fixed } : lastAffected ? { last_affected: lastAffected } : {}) };
}

/** OSV events (introduced, fixed, last_affected, in order) as ranges. */
export function rangesFromEvents(events: ReadonlyArray<Record<string, unknown>>): Range[] {
  const ranges: Range[] = [];
  for (const e of events) {
    if (typeof e.introduced === 'string') ranges.push({ introduced: e.introduced });
    else if (typeof e.fixed === 'string' && ranges.at(-1) && !ranges.at(-1)!.fixed && !ranges.at(-1)!.last_affected)
      ranges.at(-1)!.fixed = e.fixed;
    else if (typeof e.last_affected === 'string' && ranges.at(-1) && !ranges.at(-1)!.fixed && !ranges.at(-1)!.last_affected)
      ranges.at(-1)!.last_affected = e.last_affected;
  }
  return ranges;
}
