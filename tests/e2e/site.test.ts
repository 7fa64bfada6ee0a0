/**
 * The whole built site, every file, for four content sets: the fixture site, the same under
 * a path (site.yaml's url https://openedx.org/security), a synthetic archive large enough to
 * paginate every listing, and the project's own content (what is deployed). Each must be valid HTML (html-validate), have no broken internal link or anchor
 * (pages, sitemap and feed items alike), and advertise only feeds that exist and are what
 * their type says. The paginated pages, which the fixture is too small to have, also get the
 * browser gates and their screenshots.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContentRoot } from '../../scripts/bench/synthetic.ts';
import { checkFeedLinks } from '../support/feed-links.ts';
import { formatHtmlProblems, validateHtmlTree } from '../support/html-check.ts';
import { checkLinks, checkUrls, formatBroken, htmlFiles } from '../support/link-check.ts';
import { readSite } from '../../src/content/read-content.ts';
import { absolute, basePath, paths } from '../../src/model/urls.ts';
import { underBase } from '../../src/outputs/http-headers.ts';
import { FIXTURE_CLOCK } from '../fixtures/site/canaries.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { contentAt } from '../support/e2e-served.ts';
import { axeViolations, cspViolations, layoutProblems, skipLinkProblems } from '../support/e2e-audit.ts';
import {
  buildOrThrow,
  DESKTOP,
  FIXTURE_SITE,
  PHONE,
  removeTemp,
  screenshot,
  SKIP_WITHOUT_BROWSER,
  useSession,
} from '../support/e2e-site.ts';

type BuiltSite = { name: string; dist: string; siteUrl: string; contentRoot: string };

/** A site served under a path, as the public browses openedx.org/security. */
const UNDER_PATH = 'https://openedx.org/security';

const CONTENT: Array<{ name: string; root: () => string }> = [
  { name: 'fixture site', root: () => FIXTURE_SITE },
  { name: 'fixture site under /security/', root: () => contentAt(FIXTURE_SITE, UNDER_PATH) },
  // 130 advisories: the archive, several filters and release checklists run to page 2 or 3.
  { name: 'synthetic archive', root: () => generateContentRoot(130, new Date(FIXTURE_CLOCK), PROJECT_ROOT) },
  { name: 'project content', root: () => PROJECT_ROOT },
];

/** Each build, or why it failed: a failure is thrown by every test of that build (see useSession). */
const built = new Map<string, BuiltSite | Error>();
const site = (name: string): BuiltSite => {
  const b = built.get(name);
  if (b instanceof Error || !b) throw b ?? new Error(`${name} was not built`);
  return b;
};

beforeAll(() => {
  for (const { name, root } of CONTENT) {
    let contentRoot: string | undefined;
    try {
      contentRoot = root();
      const facts = readSite(contentRoot, []);
      if (!facts) throw new Error(`${contentRoot}/content/site.yaml is missing or invalid`);
      built.set(name, { name, dist: buildOrThrow(contentRoot, FIXTURE_CLOCK), siteUrl: facts.url, contentRoot });
    } catch (error) {
      removeTemp(contentRoot);
      built.set(name, error instanceof Error ? error : new Error(String(error)));
    }
  }
});
afterAll(() => {
  for (const b of built.values()) {
    if (b instanceof Error) continue;
    removeTemp(b.dist);
    removeTemp(b.contentRoot);
  }
});

/** `<loc>` of a sitemap, `<link>` of RSS items, `url` fields of a JSON Feed. */
function urlsIn(dist: string, file: string): string[] {
  const text = readFileSync(join(dist, file), 'utf8');
  if (file.endsWith('.json')) {
    const feed = JSON.parse(text) as { home_page_url?: string; feed_url?: string; items: Array<{ url?: string }> };
    return [feed.home_page_url, feed.feed_url, ...feed.items.map((i) => i.url)].filter((u): u is string => !!u);
  }
  return [...text.matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g)].map((m) => m[1]!);
}

describe.each(CONTENT.map((c) => c.name))('%s: every file', (name) => {
  it('every HTML file passes html-validate', async () => {
    const problems = await validateHtmlTree(site(name).dist);
    expect(formatHtmlProblems(problems)).toEqual([]);
  });

  it('no internal link, image, script, stylesheet or #anchor of a page is broken', () => {
    const { dist, siteUrl } = site(name);
    expect(htmlFiles(dist).length).toBeGreaterThan(30);
    expect(formatBroken(checkLinks(dist, { siteUrl }))).toEqual([]);
  });

  it('every URL in the sitemap and the feeds resolves, under the site URL', () => {
    const { dist, siteUrl } = site(name);
    const base = basePath(siteUrl);
    const sitemaps = urlsIn(dist, paths.sitemap).map((u) => new URL(u).pathname.slice(base.length));
    const broken = [...sitemaps, paths.rss.slice(1), paths.jsonFeed.slice(1)].flatMap((file) => {
      const urls = urlsIn(dist, file);
      expect(urls.length, `URLs in ${file}`).toBeGreaterThan(0);
      expect(
        urls.filter((u) => !u.startsWith(absolute(siteUrl, '/'))),
        `URLs in ${file} outside ${siteUrl}`,
      ).toEqual([]);
      return checkUrls(dist, underBase(base, `/${file}`), urls, { siteUrl });
    });
    expect(formatBroken(broken)).toEqual([]);
  });

  it('every page advertises the RSS and JSON feeds in its head, a release or component page its own three too, all real feeds', () => {
    const { dist, siteUrl } = site(name);
    const base = basePath(siteUrl);
    const { links, problems } = checkFeedLinks(dist, siteUrl);
    expect(problems.map((p) => `${p.page}: ${p.href}: ${p.problem}`)).toEqual([]);
    const siteFeeds = new Set([
      `${underBase(base, paths.rss)} application/rss+xml`,
      `${underBase(base, paths.jsonFeed)} application/feed+json`,
    ]);
    const own = links.filter((l) => !siteFeeds.has(`${l.href} ${l.type}`));
    expect(links.length - own.length).toBe(htmlFiles(dist).length * 2);
    // A named release's pages and listing advertise that release's feeds; a component's listing, the component's.
    const scopeOf = (page: string) => /^\/releases\/([^/]+)\//.exec(page)?.[1] ?? /^\/advisories\/release\/([^/]+)\//.exec(page)?.[1];
    const componentOf = (page: string) => /^\/advisories\/component\/([^/]+)\//.exec(page)?.[1];
    // Pages are files of the output; under a base path their address starts with it.
    const route = (page: string) => (page.startsWith(base) ? `/${page.slice(base.length)}` : page);
    const expected = (l: (typeof own)[number]) => {
      const release = scopeOf(route(l.page));
      const component = componentOf(route(l.page));
      const folder = release ? `/releases/${release}/` : component ? `/advisories/component/${component}/` : undefined;
      const file = { 'application/rss+xml': 'feed.xml', 'application/feed+json': 'feed.json', 'text/calendar': 'calendar.ics' }[l.type];
      return folder ? `${l.page} ${underBase(base, `${folder}${file}`)}` : `${l.page}: no own feeds`;
    };
    expect(own.map((l) => `${l.page} ${l.href}`)).toEqual(own.map(expected));
    expect(own.filter((l) => l.page === underBase(base, `${paths.release('verawood')}index.html`))).toHaveLength(3);
  });
});

describe.skipIf(SKIP_WITHOUT_BROWSER)('paginated pages in Chromium (synthetic archive)', () => {
  const PAGED = [
    { type: 'advisories-page', path: paths.advisoriesPage(2) },
    { type: 'advisories-filter-page', path: paths.advisoryFacet('release', 'verawood', 2) },
    { type: 'release-page', path: paths.releasePage('verawood', 2) },
  ];
  // The build belongs to the file (removed in its afterAll), not to the session.
  const session = useSession(() => site('synthetic archive').dist, { keep: true });

  for (const { type, path } of PAGED) {
    it(`${type} (${path}): the browser gates pass, light and dark, and it links back to page 1`, async () => {
      const { page, watch, status, close } = await session().open(path);
      try {
        expect(status).toBe(200);
        const problems: string[] = [];
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await page.setViewportSize(DESKTOP);
          problems.push(...(await axeViolations(page)), ...(await layoutProblems(page)));
          await screenshot(page, type, scheme);
          await page.setViewportSize(PHONE);
          problems.push(...(await layoutProblems(page)));
          await screenshot(page, type, scheme);
        }
        await page.setViewportSize(DESKTOP);
        problems.push(...(await skipLinkProblems(page)), ...(await cspViolations(page)), ...watch.problems());
        expect(problems).toEqual([]);
        const first = path.replace(/page\/\d+\/$/, '');
        expect(await page.locator(`a[href="${first}"]`).count(), `a link from ${path} to ${first}`).toBeGreaterThan(0);
      } finally {
        await close();
      }
    });
  }
});
