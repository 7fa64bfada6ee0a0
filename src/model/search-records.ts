/**
 * What the search index holds: one record per published or withdrawn advisory and one per
 * prose page, built from the same public model the pages render (so the index can be written
 * beside Astro's rendering, and the leak scan still reads what it writes).
 *
 * An advisory is searchable by its structured fields, not only its prose: its id and aliases
 * (matched exactly), the named releases, tags and components of its fix rows, its CWE ids with
 * their names and the abbreviations people type ("xss", "ssrf": src/schemas/cwe.ts), severity,
 * credits. Each field has a weight, so a word in the title outranks the same word in the body.
 */
import { CWE_NAMES, CWE_SEARCH_TERMS } from '../schemas/cwe.ts';
import type { SeverityLevel } from '../schemas/cvss.ts';
import type { Site } from '../schemas/site.ts';
import { formatDate } from './dates.ts';
import { loadSiteProse, PROSE_SLUGS } from './site-prose.ts';
import type { PublishedAdvisory, ReleaseInfo, SiteModel } from './site-model.ts';
import { paths } from './urls.ts';

/** Field weights: how much one occurrence of a word counts in each field. */
export const WEIGHTS = { title: 10, identifiers: 10, structured: 6, summary: 4, credits: 2, body: 1 } as const;

export type SearchRecord = {
  /** Root-relative route of the page; the search page adds the base path. */
  url: string;
  title: string;
  /** Advisories only. */
  advisory?: { id: string; level: SeverityLevel; date: string; withdrawn: boolean } | undefined;
  /** What a result shows under its title: the summary, or a prose page's description. */
  excerpt: string;
  /** Ids and aliases, matched whole. */
  identifiers: string[];
  /** Text per field, each counted with its weight. */
  fields: Array<[keyof typeof WEIGHTS, string]>;
  /** Values the search page filters by (advisories only). */
  filters?: { severity: SeverityLevel; year: string; components: string[] } | undefined;
};

const EXCERPT = 240;
const clip = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT ? flat : `${flat.slice(0, flat.lastIndexOf(' ', EXCERPT))} …`;
};

/** The named releases of every fix row, with their titles, tags and branch names. */
function releaseText(a: PublishedAdvisory, releases: ReadonlyMap<string, ReleaseInfo>): string {
  const rows = a.advisory.affected.flatMap((x) => x.releases);
  return [...a.releaseNames.map((n) => `${n} ${releases.get(n)?.title ?? ''}`), ...rows.flatMap((r) => (r.tag ? [r.tag] : []))].join(' ');
}

/** Everything a reader may search an advisory by. */
export function advisoryRecord(a: PublishedAdvisory, releases: ReadonlyMap<string, ReleaseInfo> = new Map()): SearchRecord {
  const adv = a.advisory;
  const cwe = adv.cwe.map((c) => [c, CWE_NAMES[c] ?? '', ...(CWE_SEARCH_TERMS[c] ?? [])].join(' '));
  const withdrawn = a.visibility === 'withdrawn';
  return {
    url: paths.advisory(a.id),
    title: adv.title,
    advisory: { id: a.id, level: a.level, date: formatDate(adv.publish_at), withdrawn },
    excerpt: clip(adv.summary),
    identifiers: [a.id, ...adv.aliases],
    fields: [
      ['title', adv.title],
      ['identifiers', [a.id, ...adv.aliases].join(' ')],
      ['structured', [...a.components, releaseText(a, releases), ...cwe, `severity ${a.level}`, withdrawn ? 'withdrawn' : ''].join('\n')],
      ['summary', [adv.summary, withdrawn ? (adv.withdrawn?.reason ?? '') : ''].join('\n')],
      ['credits', adv.credits.map((c) => c.name).join(', ')],
      ['body', a.text],
    ],
    filters: { severity: a.level, year: a.year, components: a.components },
  };
}

/** A prose page (policy, operators, working group): its Markdown text, without filters. */
export function proseRecord(slug: (typeof PROSE_SLUGS)[number], site: Site): SearchRecord {
  const page = loadSiteProse(slug, site);
  return {
    url: page.url,
    title: page.data.title,
    excerpt: clip(page.data.description ?? ''),
    identifiers: [],
    fields: [
      ['title', page.data.title],
      ['summary', page.data.description ?? ''],
      ['body', page.text],
    ],
  };
}

/**
 * Every record of the site in a stable order (the index is byte-identical per build): advisories
 * newest first, then prose. URLs are routes: the search page puts them under the base path.
 */
export function searchRecords(model: SiteModel): SearchRecord[] {
  const releases = new Map(model.releases.map((r) => [r.name, r]));
  return [...model.published.map((a) => advisoryRecord(a, releases)), ...PROSE_SLUGS.map((slug) => proseRecord(slug, model.site))];
}
