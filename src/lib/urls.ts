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
} as const;

/** Absolute URL of a site path, for feeds and exports. */
export function absolute(siteUrl: string, path: string): string {
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

export const githubCommit = (repository: string, sha: string) => `https://github.com/${repository}/commit/${sha}`;
export const githubTag = (repository: string, tag: string) => `https://github.com/${repository}/releases/tag/${tag}`;
export const packagePage = (ecosystem: string, name: string, version?: string) =>
  ecosystem === 'PyPI'
    ? `https://pypi.org/project/${name}/${version ? `${version}/` : ''}`
    : `https://www.npmjs.com/package/${name}${version ? `/v/${version}` : ''}`;
