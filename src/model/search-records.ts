/**
 * What the search index holds: one Pagefind record per published or withdrawn advisory and one
 * per prose page, built from the same public model the pages render (so the index can be
 * written beside Astro's rendering, and the leak scan still reads what it writes).
 *
 * Pagefind searches both a record's `content` and every `meta` field, and each result loads
 * its record whole (its "fragment"), so a record holds what is worth finding and showing, and
 * no more (docs/performance.md):
 *
 * - meta: the title (weighted above the text), the id and aliases (searched exactly by the
 *   search page), and what a result shows: severity, the site's date, a Withdrawn label;
 * - content: the summary, then the structured fields people type: components, named releases
 *   and tags of the fix rows, CWE ids with their names and abbreviations ("xss", "ssrf":
 *   src/schemas/cwe.ts), credits. Written as sentences, it is also the result's excerpt.
 *
 * The advisory's body is left out: it is on the advisory's page, and indexing it made every
 * first search at 10,000 advisories about 30 KB heavier. Prose pages keep their whole text.
 */
import { CWE_NAMES, CWE_SEARCH_TERMS } from '../schemas/cwe.ts';
import type { Site } from '../schemas/site.ts';
import { formatDate } from './dates.ts';
import { loadSiteProse, PROSE_SLUGS } from './site-prose.ts';
import type { PublishedAdvisory, ReleaseInfo, SiteModel } from './site-model.ts';
import { paths } from './urls.ts';

/** The meta fields a result reads; all of them are also searched. */
export type SearchMeta = {
  title: string;
  /** The advisory's id, then its aliases, separated by spaces. */
  ids?: string;
  level?: string;
  /** Publication date as the site prints it. */
  date?: string;
  withdrawn?: 'Withdrawn';
};

/** Pagefind's custom record, as `index.addCustomRecord` takes it. */
export type SearchRecord = {
  /** Root-relative route of the page; the search page adds the base path. */
  url: string;
  content: string;
  language: string;
  meta: SearchMeta;
  /** Values the search page filters by (advisories only). */
  filters?: { severity: string[]; year: string[]; component: string[] };
};

const LANGUAGE = 'en';

const sentence = (label: string, items: readonly string[]) => (items.length > 0 ? `${label}: ${items.join(', ')}.` : '');

/** Each named release of the fix rows by its title (and name, if it differs), with the tags that fix it. */
function releaseText(a: PublishedAdvisory, releases: ReadonlyMap<string, ReleaseInfo>): string[] {
  const rows = a.advisory.affected.flatMap((x) => x.releases);
  return a.releaseNames.map((name) => {
    const title = releases.get(name)?.title ?? name;
    const tags = [...new Set(rows.flatMap((r) => (r.release === name && r.tag ? [r.tag] : [])))];
    return [title, ...(title.toLowerCase() === name ? [] : [name]), ...tags].join(' ');
  });
}

/** Everything a reader may search an advisory by. */
export function advisoryRecord(a: PublishedAdvisory, releases: ReadonlyMap<string, ReleaseInfo> = new Map()): SearchRecord {
  const adv = a.advisory;
  const withdrawn = a.visibility === 'withdrawn';
  const cwe = adv.cwe.map((c) => {
    const terms = CWE_SEARCH_TERMS[c] ?? [];
    return [c, CWE_NAMES[c] ?? '', terms.length > 0 ? `(${terms.join(', ')})` : ''].filter(Boolean).join(' ');
  });
  const credits = adv.credits.map((c) => c.name);
  const content = [
    adv.summary,
    withdrawn ? `Withdrawn: ${adv.withdrawn?.reason ?? ''}` : '',
    sentence('Components', a.components),
    sentence('Named releases', releaseText(a, releases)),
    sentence('Weakness', cwe),
    sentence('Credits', credits),
  ];
  return {
    url: paths.advisory(a.id),
    content: content.filter(Boolean).join('\n'),
    language: LANGUAGE,
    meta: {
      title: adv.title,
      ids: [a.id, ...adv.aliases].join(' '),
      level: a.level,
      date: formatDate(adv.publish_at),
      ...(withdrawn ? { withdrawn: 'Withdrawn' as const } : {}),
    },
    filters: { severity: [a.level], year: [a.year], component: a.components },
  };
}

/** A prose page (policy, operators, working group): its description and Markdown text, without filters. */
export function proseRecord(slug: (typeof PROSE_SLUGS)[number], site: Site): SearchRecord {
  const page = loadSiteProse(slug, site);
  return {
    url: page.url,
    content: [page.data.description, page.text].filter(Boolean).join('\n'),
    language: LANGUAGE,
    meta: { title: page.data.title },
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
