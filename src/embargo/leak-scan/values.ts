/**
 * An advisory's values and the forms the outputs print them in. Dates come in every format a
 * page, feed or export uses (the site's own formatters, src/schemas/date-formats.ts), commits
 * full and abbreviated as pages (10) and CSAF (12) abbreviate them.
 */
import { clockTime, formatDate, formatInstant, icsInstant, rfc822, utcDay, utcInstant } from '../../schemas/date-formats.ts';
import { ALIAS_PATTERNS } from '../../schemas/identifiers.ts';
import type { ValueKind } from './distinctive.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DATES = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?/g;
const COMMIT = /^[0-9a-f]{40}$/;
/**
 * Commit abbreviations the outputs print: pages 10, CSAF 12. Not git's 7: Pagefind names its
 * files with 7 hex digits, and 10,000 of them would match some embargoed commit's first 7 in
 * a few percent of builds.
 */
const COMMIT_LENGTHS = [10, 12];

/**
 * A commit's abbreviations. Unlike the full commit they may be shared by chance with a public
 * commit's, so they are judged as text: public text's commits, abbreviated, excuse them.
 */
export const commitForms = (commit: string): string[] => COMMIT_LENGTHS.map((n) => commit.slice(0, n));

/** Every full commit written in a text. */
export const commitsIn = (text: string): string[] => [...text.matchAll(/\b[0-9a-f]{40}\b/g)].map((m) => m[0]);

export const isInstant = (value: string): boolean => INSTANT.test(value) && Number.isFinite(Date.parse(value));

/** Every instant or date written in a text (public text: its dates explain the same dates elsewhere). */
export function datesIn(text: string): string[] {
  return [...text.matchAll(DATES)].map((m) => m[0]).filter((d) => Number.isFinite(Date.parse(d.length === 10 ? `${d}T00:00:00Z` : d)));
}

export type Form = { what: string; text: string; kind: ValueKind };

/** An instant (or a date) in every form an output prints it. */
export function dateForms(value: string): Form[] {
  const iso = value.length === 10 ? `${value}T00:00:00Z` : value;
  const ms = new Date(iso).toISOString();
  const utc = utcInstant(iso);
  const texts = [
    value,
    ms,
    utc,
    utc.replace(/:00Z$/, 'Z'),
    rfc822(iso),
    formatInstant(iso),
    `${formatDate(iso)} ${clockTime(iso)}`,
    icsInstant(iso),
    utcDay(iso),
    formatDate(iso),
  ];
  return [...new Set(texts)].map((text) => ({ what: 'date', text, kind: 'date' as const }));
}

/** The forms of one value: a date's formats, a commit's abbreviations, else the value itself. */
export function valueForms(what: string, value: string, kind: ValueKind): Form[] {
  if (isInstant(value)) return dateForms(value);
  if (COMMIT.test(value))
    return [
      { what: 'commit', text: value, kind: 'quoted' },
      ...commitForms(value).map((text) => ({ what: 'commit', text, kind: 'text' as const })),
    ];
  if (what === 'alias' && Object.values(ALIAS_PATTERNS).some((re) => re.test(value))) return [{ what, text: value, kind: 'quoted' }];
  return [{ what, text: value, kind }];
}

/** What a leaf is called in leak reports: its path without indices, in words for the common ones. */
const LABELS: Record<string, string> = {
  aliases: 'alias',
  'references.url': 'reference',
  'credits.name': 'credit',
  'credits.contact': 'credit contact',
  'notice.text': 'notice text',
  'revisions.summary': 'revision',
  'withdrawn.reason': 'withdrawal reason',
};

/**
 * Every leaf of parsed data (strings and numbers; booleans say nothing), with its path. `skip`
 * names top-level keys to leave out.
 */
/** `affected[0].releases[1].tag` from its keys. */
export const fieldPath = (keys: ReadonlyArray<string | number>): string =>
  keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

export type Leaf = { path: string; keys: Array<string | number>; what: string; value: string };

export function leafValues(data: object, skip?: ReadonlySet<string>): Leaf[] {
  const out: Leaf[] = [];
  const walk = (value: unknown, keys: Array<string | number>, general: string) => {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
      const path = fieldPath(keys);
      out.push({ path, keys, what: LABELS[general] ?? general, value: String(value) });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...keys, i], general));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (keys.length === 0 && skip?.has(k)) continue;
        // Numeric keys are positions (a single revision passed as { 3: revision }).
        if (/^\d+$/.test(k)) walk(v, [...keys, Number(k)], general);
        else walk(v, [...keys, k], general ? `${general}.${k}` : k);
      }
    }
  };
  walk(data, [], '');
  return out;
}
