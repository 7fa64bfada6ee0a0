/**
 * What the search index holds: one record per published or withdrawn advisory and one per
 * prose page, built from the same public model the pages render. Indexing records instead of
 * the built HTML lets the indexer start before any page exists and run beside Astro's
 * rendering (see docs/performance.md); the leak scan still reads the index it writes.
 */
import type { Site } from '../schemas/site.ts';
import { utcDay } from './dates.ts';
import { loadSiteProse, PROSE_SLUGS } from './site-prose.ts';
import type { PublishedAdvisory, SiteModel } from './site-model.ts';
import { paths } from './urls.ts';

/** Pagefind's custom record, as `index.addCustomRecord` takes it. */
export type SearchRecord = {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
};

const LANGUAGE = 'en';

/** Everything a reader may search an advisory by, in the order its page shows it. */
export function advisoryRecord(a: PublishedAdvisory): SearchRecord {
  const adv = a.advisory;
  const day = utcDay(adv.publish_at);
  const content = [
    a.visibility === 'withdrawn' ? `Withdrawn: ${adv.withdrawn?.reason ?? ''}` : '',
    `${a.id}: ${adv.title}`,
    adv.aliases.join(', '),
    adv.summary,
    `Severity ${a.level}. Components: ${a.components.join(', ')}.`,
    adv.cwe.join(', '),
    a.text,
    adv.credits.map((c) => c.name).join(', '),
  ];
  return {
    url: paths.advisory(a.id),
    content: content.filter(Boolean).join('\n'),
    language: LANGUAGE,
    meta: { title: adv.title, id: a.id, date: day },
    filters: { severity: [a.level], component: a.components, year: [a.year] },
    // No sort key: the search page ranks by relevance, and a date sort would put a list of
    // every page into the index metadata each visitor loads first (24 KB at 10,000).
  };
}

/** A prose page (policy, operators, working group): its Markdown text, without filters. */
export function proseRecord(slug: (typeof PROSE_SLUGS)[number], site: Site): SearchRecord {
  const page = loadSiteProse(slug, site);
  return {
    url: page.url,
    content: [page.data.title, page.data.description, page.text].filter(Boolean).join('\n'),
    language: LANGUAGE,
    meta: { title: page.data.title },
  };
}

/**
 * Every record of the site, in a stable order (the index is byte-identical per build). URLs are
 * routes: Pagefind puts them under the folder its bundle is served from, the base path.
 */
export function searchRecords(model: SiteModel): SearchRecord[] {
  return [...PROSE_SLUGS.map((slug) => proseRecord(slug, model.site)), ...model.published.map(advisoryRecord)];
}
