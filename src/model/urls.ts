/**
 * Every public path the site links to, in one place: pages, feeds and exports link to each
 * other through these functions, and the link checker holds them to it. Paths are stable
 * permalinks; changing one breaks subscribers.
 */

export const paths = {
  home: '/',
  advisories: '/advisories/',
  advisory: (id: string) => `/advisories/${id}/`,
  upcoming: '/upcoming/',
  releases: '/releases/',
  release: (name: string) => `/releases/${name}/`,
  policy: '/policy/',
  operators: '/operators/',
  workingGroup: '/working-group/',
  securityMdPage: '/security-md/',
  securityMdFile: '/SECURITY.md',
  subscribe: '/subscribe/',
  search: '/search/',
  rss: '/feed.xml',
  jsonFeed: '/feed.json',
  calendar: '/calendar.ics',
  securityTxt: '/.well-known/security.txt',
  osvIndex: '/osv/index.json',
  osv: (id: string) => `/osv/${id}.json`,
  csafProviderMetadata: '/.well-known/csaf/provider-metadata.json',
  csafDir: '/.well-known/csaf/white/',
  /** CSAF file names: lower-case tracking id, per the standard's naming rule. */
  csaf: (id: string, year: string) => `/.well-known/csaf/white/${year}/${id.toLowerCase()}.json`,
  csafIndex: '/.well-known/csaf/white/index.txt',
  csafChanges: '/.well-known/csaf/white/changes.csv',
  csafRolie: '/.well-known/csaf/white/openedx-security-white.json',
  /** Archive pages: page 1 is the bare path, later pages add `page/N/`. */
  advisoriesPage: (page: number) => (page <= 1 ? '/advisories/' : `/advisories/page/${page}/`),
  /** Every value of one facet, each linking to its listing (also the feeds' category domains). */
  advisoryFacetIndex: (facet: ArchiveFacet) => `/advisories/${facet}/`,
  /** One facet of the archive (severity, year, component slug, release name), paginated the same way. */
  advisoryFacet: (facet: ArchiveFacet, value: string, page = 1) => `/advisories/${facet}/${value}/${page <= 1 ? '' : `page/${page}/`}`,
  /** A named release's checklist; long ones continue on `page/N/`. */
  releasePage: (name: string, page: number) => (page <= 1 ? `/releases/${name}/` : `/releases/${name}/page/${page}/`),
  /** A named release's own feeds: its advisories and pre-announcements only. */
  releaseFeed: (name: string, format: FeedFormat) => `/releases/${name}/${FEED_FILES[format]}`,
  /** A component's own feeds (`slug` from componentSlugs in archive.ts), beside its archive listing. */
  componentFeed: (slug: string, format: FeedFormat) => `/advisories/component/${slug}/${FEED_FILES[format]}`,
  figures: '/figures/',
  robots: '/robots.txt',
  sitemap: '/sitemap-index.xml',
  /** Pagefind's bundle: the search API and index (src/build/search-index.ts writes it; the search page loads it). */
  pagefind: '/pagefind/',
} as const;

/** The three feed formats every feed scope (the site, a named release, a component) comes in. */
export const FEED_FORMATS = ['rss', 'json', 'ics'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];
const FEED_FILES: Record<FeedFormat, string> = { rss: 'feed.xml', json: 'feed.json', ics: 'calendar.ics' };

/** The archive's filters; each value has its own pre-built, paginated listing. */
export const ARCHIVE_FACETS = ['severity', 'year', 'component', 'release'] as const;
export type ArchiveFacet = (typeof ARCHIVE_FACETS)[number];

/**
 * The deployment's base path, from Astro's `base` (the path of site.yaml's `url`): "/" at a
 * domain root, "/security/" under openedx.org/security. Outside Astro (tools, tests) it is "/".
 */
const BASE = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** The base path of a site URL: "/" for https://security.openedx.org, "/security/" for https://openedx.org/security. */
export const basePath = (siteUrl: string): string => new URL(siteUrl).pathname.replace(/\/*$/, '/');

/**
 * A route (`paths.…`, always from the site's root) as pages and components link to it: under
 * the base path. Feeds and exports use `absolute(site.url, route)` instead.
 */
export const href = (route: string): string => (BASE === '/' || !route.startsWith('/') ? route : `${BASE}${route.slice(1)}`);

/** Absolute URL of a route, for feeds and exports: under the path of the site's URL, if it has one. */
export function absolute(siteUrl: string, path: string): string {
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  return new URL(path.startsWith('/') ? path.slice(1) : path, base).href;
}

/** The path a route is served at on the site's host, for code outside Astro (the search index): under the path of the site's URL. */
export const hostPath = (siteUrl: string, route: string): string => new URL(absolute(siteUrl, route)).pathname;

export const githubCommit = (repository: string, sha: string) => `https://github.com/${repository}/commit/${sha}`;
export const githubTag = (repository: string, tag: string) => `https://github.com/${repository}/releases/tag/${tag}`;
export const packagePage = (ecosystem: string, name: string, version?: string) =>
  ecosystem === 'PyPI'
    ? `https://pypi.org/project/${name}/${version ? `${version}/` : ''}`
    : `https://www.npmjs.com/package/${name}${version ? `/v/${version}` : ''}`;

/** The record of an alias in its own database: CVE at cve.org, GHSA at GitHub, PYSEC at OSV. */
export function aliasUrl(alias: string): string {
  if (alias.startsWith('CVE-')) return `https://www.cve.org/CVERecord?id=${alias}`;
  if (alias.startsWith('GHSA-')) return `https://github.com/advisories/${alias}`;
  return `https://osv.dev/vulnerability/${alias}`;
}

/** FIRST's calculator with the vector filled in, so a reader can see each metric. */
export const cvssCalculator = (vector: string) => {
  const version = vector.startsWith('CVSS:4.0/') ? '4.0' : '3.1';
  return `https://www.first.org/cvss/calculator/${version}#${vector}`;
};
