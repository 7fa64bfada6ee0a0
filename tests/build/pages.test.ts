/**
 * Builds the fixture site once with the real production build and reads its pages as a
 * visitor would: what each page type shows and what it must not, the archive's filters and
 * pagination (a second, larger synthetic build), the per-release checklist, CSP and weight.
 */
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityMd } from '../../src/outputs/security-md.ts';
import { githubCommit, githubTag, packagePage, paths } from '../../src/model/urls.ts';
import { generateContentRoot } from '../../scripts/bench/synthetic.ts';
import { PROJECT_ROOT, readTree, type BuildResult } from '../support/build-site.ts';
import { sharedBuild } from '../support/shared-build.ts';
import { openIndex, type IndexSession } from '../support/search-index.ts';
import { FIXTURE_SITE, fixtureModel } from '../support/fixture-model.ts';
import { ANNOUNCED_DATES, CANARIES, FIXTURE_CLOCK, FIXTURE_IDS, FIXTURE_PUBLIC_IDS } from '../fixtures/site/canaries.ts';

let result: BuildResult;
let files: Map<string, string>;
/** The build's search index, queried with Pagefind's pagefind.js and the search page's own queries. */
let index: IndexSession | undefined;

beforeAll(() => {
  result = sharedBuild(FIXTURE_SITE, FIXTURE_CLOCK);
  files = result.code === 0 ? readTree(result.outDir) : new Map();
});

afterAll(async () => {
  await index?.close();
});

/** The HTML of a page by its public path. */
function page(path: string): string {
  const file = path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
  const html = files.get(file);
  if (html === undefined) throw new Error(`no page at ${path} (expected ${file} in the build)`);
  return html;
}
/** The visible text of the main element, tags removed and entities of interest decoded. */
function mainText(path: string): string {
  const main = page(path).match(/<main[^>]*>([\s\S]*)<\/main>/)?.[1] ?? '';
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,:;)])/g, '$1');
}
/** Advisory ids linked from a page's main list, in order. */
const listedIds = (path: string) =>
  [...page(path).matchAll(/<a href="\/advisories\/(OEA-\d{4}-\d+)\/"><span class="advisory-id">/g)].map((m) => m[1]);
const search = async () => (index ??= await openIndex(result.outDir));
const htmlPages = () => [...files.keys()].filter((f) => f.endsWith('.html'));

describe(`pages of the fixture site at ${FIXTURE_CLOCK}`, () => {
  it('builds', () => {
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  });

  describe('home', () => {
    it('puts how to report first: the address, what to include, the policy', () => {
      const html = page('/');
      const report = html.indexOf('id="report"');
      expect(report).toBeGreaterThan(0);
      expect(report).toBeLessThan(html.indexOf('id="upcoming"'));
      expect(html.indexOf('id="upcoming"')).toBeLessThan(html.indexOf('id="latest"'));
      expect(html.indexOf('id="latest"')).toBeLessThan(html.indexOf('id="subscribe"'));
      const section = html.slice(report, html.indexOf('id="upcoming"'));
      expect(section).toContain('href="mailto:security@openedx.org"');
      expect(section).toContain(`href="${paths.policy}"`);
      expect(section).toMatch(/how to reproduce it/);
    });

    it('shows the announced notice with its UTC time, and the latest advisories', () => {
      const html = page('/');
      expect(html).toContain(`<time datetime="${ANNOUNCED_DATES.publish_at}"`);
      expect(html).toContain('Authentication fix in the LMS; patch for Verawood.');
      expect(listedIds('/')).toEqual(FIXTURE_PUBLIC_IDS.slice(0, 5));
    });

    it('says how to subscribe', () => {
      for (const href of [paths.subscribe, paths.rss, paths.jsonFeed, paths.calendar]) expect(page('/')).toContain(`href="${href}"`);
    });
  });

  describe('upcoming', () => {
    it('shows every notice field, the UTC time in <time>, and a calendar link', () => {
      const html = page(paths.upcoming);
      const text = mainText(paths.upcoming);
      expect(html).toContain(`<time datetime="${ANNOUNCED_DATES.publish_at}" data-local>2 December 2026, 14:00 UTC</time>`);
      expect(html).toContain(`<time datetime="${ANNOUNCED_DATES.announce_at}">20 November 2026, 14:00 UTC</time>`);
      expect(text).toContain(`${FIXTURE_IDS.announced}: patch public`);
      expect(text).toContain('Authentication fix in the LMS; patch for Verawood.');
      expect(text).toContain('openedx/openedx-platform');
      expect(html).toContain(`href="${paths.release('verawood')}">Verawood</a>`);
      expect(html).toMatch(/badge-high/);
      expect(html).toContain(`href="${paths.calendar}"`);
    });

    it('shows nothing of the announced advisory beyond its notice, and nothing of the hidden one', () => {
      const html = page(paths.upcoming);
      for (const s of [...CANARIES.announced.words, ...CANARIES.announced.aliases, ...CANARIES.announced.names])
        expect(html.toLowerCase()).not.toContain(s.toLowerCase());
      expect(html).not.toContain(FIXTURE_IDS.hidden);
      expect(html).not.toContain('Frabnostik');
    });
  });

  describe('advisory page', () => {
    const path = paths.advisory(FIXTURE_IDS.backported);

    it('shows id, aliases, severity with vector and score, and dates in <time>', () => {
      const html = page(path);
      const text = mainText(path);
      expect(text).toContain(FIXTURE_IDS.backported);
      expect(text).toContain('CVE-2026-99801, GHSA-2c3f-4g5h-6j7m');
      expect(html).toMatch(
        /<span class="badge badge-medium"><span class="badge-mark" aria-hidden="true"><\/span><span>medium<\/span><span class="score"> 4\.3<\/span><\/span>/,
      );
      // Aliases link to their own records.
      expect(html).toContain('<a href="https://www.cve.org/CVERecord?id=CVE-2026-99801">CVE-2026-99801</a>');
      expect(html).toContain('<a href="https://github.com/advisories/GHSA-2c3f-4g5h-6j7m">GHSA-2c3f-4g5h-6j7m</a>');
      expect(html).toContain('<code>CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N</code>');
      expect(html).toContain('<time datetime="2026-10-07T14:00:00Z">7 October 2026, 14:00 UTC</time>');
      expect(text).not.toContain('Updated');
    });

    it('says what to apply first: branches and named releases with linked fix commits and tags', () => {
      const html = page(path);
      const repo = 'openedx/openedx-platform';
      expect(html).toContain(`href="${githubCommit(repo, '1a2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5')}"`);
      expect(html).toContain(`href="${githubCommit(repo, '2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5d6')}"`);
      expect(html).toContain(`href="${githubTag(repo, 'open-release/verawood.3')}"`);
      expect(html).toContain(`href="${githubTag(repo, 'open-release/ulmo.5')}"`);
      expect(mainText(path)).toMatch(
        /What to apply # master Fixed commit 1a2b3c4d5e Verawood Fixed commit 2b3c4d5e6f or tag open-release\/ ?verawood\. ?3/,
      );
      expect(mainText(path)).toMatch(/Teak \(unsupported\) Will not be fixed no fix/);
      // Before the facts and the body: what an operator came for comes first.
      expect(html.indexOf('id="affected-releases"')).toBeLessThan(html.indexOf('<dl class="facts">'));
      // Tags wrap only after their separators.
      expect(html).toContain('<code class="split-name">open-release/<wbr>verawood.<wbr>3</code>');
    });

    it('has the body with heading anchors, credits, links, history and export links', () => {
      const html = page(path);
      expect(html).toMatch(/<h2 id="[a-z-]+">[^<]+ <a class="anchor" href="#[a-z-]+"/);
      expect(mainText(path)).toContain('Fixture Finder (found the vulnerability)');
      expect(mainText(path)).toContain('Fixture Reviewer (reviewed the fix)');
      expect(html).toContain('href="https://github.com/openedx/openedx-platform/security/advisories/GHSA-2c3f-4g5h-6j7m"');
      expect(mainText(path)).toMatch(
        /20 August 2026, 08:30 UTC: Reported to the working group\. .*5 October 2026, 14:00 UTC: Pre-announced\. .*7 October 2026, 14:00 UTC: Published\./,
      );
      expect(html).toContain(`href="${paths.osv(FIXTURE_IDS.backported)}"`);
      expect(html).toContain(`href="${paths.csaf(FIXTURE_IDS.backported, '2026')}"`);
    });

    it('is in the search index with its filters, metadata and what a result shows', async () => {
      const [hit] = await (await search()).fragments('CVE-2026-99801');
      expect(hit, `no search record for ${path}`).toMatchObject({
        url: path,
        meta: {
          title: 'Course staff could read grade reports of other courses',
          ids: 'OEA-2026-001 CVE-2026-99801 GHSA-2c3f-4g5h-6j7m',
          level: 'medium',
          date: '7 October 2026',
        },
        filters: { severity: ['medium'], year: ['2026'], component: ['openedx/openedx-platform'] },
        excerpt: expect.stringMatching(/^A grade-report download view/),
      });
      // The structured fields are searched: the named releases and tags of the fix rows.
      expect(await (await search()).urls('open-release/verawood.3')).toEqual([path]);
    });

    it('ships no JavaScript and stays well under 14 KB of gzip HTML and CSS', () => {
      const html = page(path);
      expect(html).not.toMatch(/<script/);
      const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => files.get(m[1]!.slice(1)) ?? '');
      const bytes = gzipSync(html, { level: 9 }).length + css.reduce((n, c) => n + gzipSync(c, { level: 9 }).length, 0);
      expect(bytes).toBeLessThan(10_000);
    });

    it('links packages and fixed versions to the registry', () => {
      const p = paths.advisory(FIXTURE_IDS.pypi);
      expect(page(p)).toContain(`href="${packagePage('PyPI', 'edx-enterprise', '7.0.5')}"`);
      expect(page(p)).toContain(`href="${packagePage('PyPI', 'edx-enterprise')}"`);
      expect(mainText(p)).toContain('>= 7.0.2, < 7.0.5');
    });

    it('shows a CVSS 4.0 vector, and no vector when there is none', () => {
      expect(mainText(paths.advisory(FIXTURE_IDS.cvss4))).toMatch(/CVSS 4\.0 \d\.\d \(medium\): CVSS:4\.0\/AV:N/);
      const none = mainText(paths.advisory(FIXTURE_IDS.noCvss));
      expect(none).toContain('no CVSS vector');
      expect(none).not.toMatch(/CVSS:3\.1|CVSS:4\.0/);
    });

    it('shows the update date and every revision in order', () => {
      const text = mainText(paths.advisory(FIXTURE_IDS.revised));
      expect(text).toMatch(/Updated 2 March 2025, 13:00 UTC/);
      expect(text).toMatch(/Added the Sumac release tag\..*Credited the remediation verifier\..*Clarified the workaround\./);
      expect(page(paths.advisory(FIXTURE_IDS.revised))).toContain('<time datetime="2025-02-20T10:30:00Z">');
    });

    it('shows a withdrawn banner with the reason', () => {
      const html = page(paths.advisory(FIXTURE_IDS.withdrawn));
      expect(html).toMatch(
        /<div class="callout withdrawn-banner" role="note"><p><strong>Withdrawn <time datetime="2024-08-20">20 August 2024<\/time>\.<\/strong> Not a vulnerability; public certificate pages are shared on purpose\./,
      );
      expect(page(paths.advisory(FIXTURE_IDS.backported))).not.toContain('withdrawn-banner');
    });
  });

  describe('archive', () => {
    it('lists every public advisory newest first, and no embargoed one', () => {
      expect(listedIds(paths.advisories)).toEqual([...FIXTURE_PUBLIC_IDS]);
      expect(page(paths.advisories)).not.toContain(FIXTURE_IDS.announced);
      expect(mainText(paths.advisories)).toMatch(new RegExp(`${FIXTURE_IDS.withdrawn}: [^:]+ Withdrawn`));
    });

    it('has pre-built filter pages linked from the archive', () => {
      const cases: Array<[string, string[]]> = [
        [paths.advisoryFacet('severity', 'low'), [FIXTURE_IDS.withdrawn, FIXTURE_IDS.noCvss]],
        [paths.advisoryFacet('year', '2025'), [FIXTURE_IDS.cvss4, FIXTURE_IDS.pypi, FIXTURE_IDS.revised]],
        [paths.advisoryFacet('component', 'edx-enterprise'), [FIXTURE_IDS.pypi]],
        [paths.advisoryFacet('release', 'verawood'), [FIXTURE_IDS.backported]],
      ];
      for (const [path, ids] of cases) {
        expect(page(paths.advisories)).toContain(`href="${path}"`);
        expect(listedIds(path), path).toEqual(ids);
        expect(page(path)).toContain(`href="${path}" aria-current="page"`);
      }
      expect(existsSync(join(result.outDir, 'advisories/severity/critical'))).toBe(false);
    });

    it('has an index page per filter, which the feeds name as their category domains', () => {
      const severity = page(paths.advisoryFacetIndex('severity'));
      expect(severity).toContain(`href="${paths.advisoryFacet('severity', 'low')}">low</a> <span class="count">(2)</span>`);
      expect(severity).not.toContain(paths.advisoryFacet('severity', 'critical'));
      expect(page(paths.advisoryFacetIndex('year'))).toContain(
        `href="${paths.advisoryFacet('year', '2025')}">2025</a> <span class="count">(3)</span>`,
      );
      expect(page(paths.advisoryFacetIndex('component'))).toContain(`href="${paths.advisoryFacet('component', 'edx-enterprise')}"`);
      expect(page(paths.advisoryFacetIndex('release'))).toContain(`href="${paths.advisoryFacet('release', 'verawood')}"`);
      const domains = new Set([...page('/feed.xml').matchAll(/domain="([^"]+)"/g)].map((m) => new URL(m[1]!).pathname));
      expect(domains.size).toBeGreaterThan(1);
      for (const path of domains) expect(() => page(path), path).not.toThrow();
    });

    it('has no second page while everything fits on one', () => {
      expect(existsSync(join(result.outDir, 'advisories/page'))).toBe(false);
      expect(page(paths.advisories)).not.toContain('class="pagination"');
    });
  });

  describe('named releases', () => {
    it('lists releases with their support status and links to each checklist', () => {
      const text = mainText(paths.releases);
      expect(text).toMatch(/Verawood 9 June 2026 31 December 2026 Supported 1/);
      expect(text).toMatch(/Ulmo 9 December 2025 30 June 2026 Not supported 1/);
      expect(page(paths.releases)).toContain(`href="${paths.release('palm')}"`);
    });

    it('gives Verawood its checklist with the backport to apply, and the announced fix as a notice only', () => {
      const path = paths.release('verawood');
      const html = page(path);
      const checklist = html.slice(html.indexOf('id="checklist"'));
      expect(checklist).toContain(`href="${paths.advisory(FIXTURE_IDS.backported)}"`);
      expect(checklist).toContain(`href="${githubCommit('openedx/openedx-platform', '2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5d6')}"`);
      expect(checklist).toContain(`href="${githubTag('openedx/openedx-platform', 'open-release/verawood.3')}"`);
      expect(checklist).not.toContain(FIXTURE_IDS.announced);
      expect(html.slice(0, html.indexOf('id="checklist"'))).toContain(`${FIXTURE_IDS.announced}: patch public`);
      expect(mainText(path)).toContain('Supported. Verawood receives security backports until 31 December 2026.');
    });

    it('says what an unsupported release gets: wont_fix, not affected, and advisories to check', () => {
      expect(mainText(paths.release('teak'))).toMatch(/Not supported\. .*ended on 31 December 2025.*will not be fixed on this release/);
      expect(mainText(paths.release('palm'))).toMatch(/not affected, nothing to do/);
      const sumac = page(paths.release('sumac'));
      expect(sumac.slice(sumac.indexOf('id="also-check"'))).toContain(`href="${paths.advisory(FIXTURE_IDS.pypi)}"`);
      expect(sumac).toContain(`href="${packagePage('PyPI', 'edx-enterprise', '7.0.5')}"`);
      expect(page(paths.release('redwood'))).not.toContain(FIXTURE_IDS.withdrawn);
    });
  });

  describe('prose pages', () => {
    it('policy: how to report, what happens next, the targets from site.yaml, releases, disclosure, as-is', async () => {
      const text = mainText(paths.policy);
      const { sla } = fixtureModel().site;
      expect(page(paths.policy)).toContain('href="mailto:security@openedx.org"');
      expect(text).toContain(`critical 9.0–10.0 ${sla.critical.acknowledge_days} days ${sla.critical.fix_days} days`);
      expect(text).toContain(`low 0.1–3.9 ${sla.low.acknowledge_days} days ${sla.low.fix_days} days`);
      for (const h of [
        'Reporting a vulnerability',
        'What happens next',
        'Response and fix targets',
        'How a fix is released',
        'Private reports, public improvements',
        'Why there is no early-warning list any more',
        'No warranty',
      ]) {
        expect(text).toContain(h);
      }
      expect(text).toContain('At least 48 hours ahead');
      expect(await (await search()).urls('what happens next')).toContain(paths.policy);
    });

    it('operators: forwarding reports, every feed, pre-announcements, the releases table', () => {
      const html = page(paths.operators);
      for (const href of [paths.rss, paths.jsonFeed, paths.calendar, paths.osvIndex, paths.release('verawood')])
        expect(html).toContain(`href="${href}"`);
      expect(mainText(paths.operators)).toMatch(/forward the report to security@openedx\.org/);
      expect(mainText(paths.operators)).toContain('Reading a pre-announcement');
    });

    it('working group: responsibilities and members from site.yaml', () => {
      const text = mainText(paths.workingGroup);
      for (const m of fixtureModel().site.members) expect(text).toContain(m.name);
      expect(page(paths.workingGroup)).toContain('href="https://github.com/feanil"');
      expect(text).toMatch(/on-call rotation/);
    });
  });

  describe('SECURITY.md', () => {
    it('serves the generator output as /SECURITY.md and shows the same text on the page', () => {
      const expected = securityMd(fixtureModel());
      expect(files.get('SECURITY.md')).toBe(expected);
      const pre = page(paths.securityMdPage).match(/<pre id="security-md-text"[^>]*>([\s\S]*?)<\/pre>/)?.[1] ?? '';
      const decoded = pre
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
      expect(decoded).toBe(expected);
      expect(page(paths.securityMdPage)).toMatch(/<button type="button" class="button" data-copy="security-md-text" hidden>/);
    });

    it('renders its MDX prose: one lede paragraph, the steps with the download link, the sections in order', () => {
      const html = page(paths.securityMdPage);
      expect(html).toMatch(/<p class="lede">Every Open edX repository should carry a <code>SECURITY\.md<\/code> file\.[^<]*<\/p>/);
      expect(html).toMatch(/<li>Download <a href="\/SECURITY\.md" download="SECURITY\.md"><code>SECURITY\.md<\/code><\/a>/);
      const order = [...html.matchAll(/<h([12]) id="([^"]+)"|<h1>/g)].map((m) => m[2] ?? 'h1');
      expect(order.slice(0, 4)).toEqual(['h1', 'use', 'text', 'preview']);
    });
  });

  describe('search', () => {
    it("starts its own search script, a bundled module, over Pagefind's bundle, with a form that works as a link", () => {
      const html = page(paths.search);
      expect(html).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/);
      expect(html).not.toMatch(/<script(?![^>]*type="module")/);
      expect(html).toContain(`data-bundle="${paths.pagefind}" data-base="/"`);
      expect(html).toMatch(/<form id="search-form"[^>]*role="search" action="\/search\/"/);
      expect(html).toContain('<noscript>');
      // No Pagefind UI: the page's own markup and the site's stylesheet only.
      expect(html).not.toContain('pagefind-ui');
      expect(files.has('pagefind/pagefind.js')).toBe(true);
      expect([...files.keys()].filter((f) => f.startsWith('pagefind/fragment/'))).toHaveLength(FIXTURE_PUBLIC_IDS.length + 3);
      expect([...files.keys()].filter((f) => /^pagefind\/[^/]*(ui|worker|highlight|unknown)/.test(f))).toEqual([]);
    });

    it("allows WebAssembly on the search page alone, for Pagefind's engine, and no worker source", () => {
      const csp = (f: string) => files.get(f)!.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/)?.[1] ?? '';
      expect(csp('search/index.html')).toMatch(/script-src 'self' 'wasm-unsafe-eval' /);
      for (const f of htmlPages().filter((f) => f !== 'search/index.html')) expect(csp(f), f).not.toContain('wasm');
      for (const f of htmlPages()) expect(csp(f), f).not.toMatch(/worker-src|blob:/);
    });
  });

  describe('figures', () => {
    it('draws both figures as SVG with title, description and a data table', () => {
      const html = page(paths.figures);
      expect(html.match(/<svg class="chart"[^>]*role="img"/g)).toHaveLength(2);
      expect(html).toMatch(/<title id="fig-years-title">Advisories per year by severity<\/title>/);
      expect(html).toMatch(/<desc id="fig-years-desc">[^<]*2024: 1; 2025: 3; 2026: 1/);
      expect(mainText(paths.figures)).toMatch(/2025 1 2 0 3/);
      expect(mainText(paths.figures)).toMatch(/medium 1 48\.2 48\.2 48\.2 60 1 of 1/);
      expect(html).not.toMatch(/<script/);
    });
  });

  describe('site-wide', () => {
    it('has a 404 page, robots.txt with the sitemap, and the sitemap', () => {
      expect(page('/404.html')).toContain('Page not found');
      expect(files.get('robots.txt')).toContain('Sitemap: https://security.openedx.org/sitemap-index.xml');
      expect(files.has('sitemap-index.xml')).toBe(true);
      expect(files.get('sitemap-0.xml')).toContain('https://security.openedx.org/releases/verawood/');
    });

    it('sends the HTTP-only security headers for hosts that read _headers', () => {
      const headers = files.get('_headers') ?? '';
      expect(headers).toMatch(/Content-Security-Policy: frame-ancestors 'none'/);
      expect(headers).toMatch(/Strict-Transport-Security: max-age=\d+/);
      expect(headers).toContain('X-Content-Type-Options: nosniff');
      expect(headers).toMatch(/Referrer-Policy: /);
      // The header policy must not block what the per-page meta policy allows by hash.
      const rules = headers
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .join('\n');
      expect(rules).not.toMatch(/(default|script|style)-src/);
    });

    it('has JavaScript only on search and the small enhancements, every inline script hashed in the CSP', () => {
      const withScript = htmlPages()
        .filter((f) => /<script/.test(files.get(f)!))
        .sort();
      expect(withScript).toEqual(['search/index.html', 'security-md/index.html', 'upcoming/index.html']);
      for (const f of htmlPages()) {
        const html = files.get(f)!;
        const csp = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/)?.[1] ?? '';
        expect(csp, f).toContain("script-src 'self'");
        expect(csp, f).not.toContain('unsafe-inline');
        for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
          const hash = createHash('sha256').update(m[1]!).digest('base64');
          expect(csp, `${f}: inline script not in the CSP`).toContain(`'sha256-${hash}'`);
        }
        expect(html, `${f}: inline style attribute`).not.toMatch(/<[a-z][^>]*\sstyle="/);
      }
    });

    it('gives every page one h1, a main landmark and labelled navigation', () => {
      for (const f of htmlPages()) {
        const html = files.get(f)!;
        expect(html.match(/<h1[\s>]/g), f).toHaveLength(1);
        expect(html, f).toContain('<main id="main"');
        expect(html, f).toContain('<nav class="wrap" aria-label="Main">');
      }
    });
  });
});

describe('archive pagination in a build of 130 advisories', () => {
  let big: BuildResult;
  let out: Map<string, string>;
  beforeAll(() => {
    // The generator is seeded: this is the build tests/e2e/site.test.ts checks in the browser (shared).
    const root = generateContentRoot(130, new Date(FIXTURE_CLOCK), PROJECT_ROOT);
    big = sharedBuild(root, FIXTURE_CLOCK);
    out = big.code === 0 ? readTree(big.outDir) : new Map();
    rmSync(root, { recursive: true, force: true });
  });

  it('splits the archive into pages of 50 linked in order, losing none', () => {
    expect(big.code, `${big.stdout}\n${big.stderr}`).toBe(0);
    const ids = (file: string) =>
      [...(out.get(file) ?? '').matchAll(/<a href="\/advisories\/(OEA-\d{4}-\d+)\/"><span class="advisory-id">/g)].map((m) => m[1]!);
    const pages = ['advisories/index.html'];
    for (let n = 2; out.has(`advisories/page/${n}/index.html`); n++) pages.push(`advisories/page/${n}/index.html`);
    const all = pages.flatMap(ids);
    const advisoryPages = [...out.keys()].filter((f) => /^advisories\/OEA-\d{4}-\d+\/index\.html$/.test(f));
    expect(pages.length).toBe(Math.ceil(advisoryPages.length / 50));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.slice(0, -1).every((p) => ids(p).length === 50)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(advisoryPages.length);
    const first = out.get('advisories/index.html')!;
    expect(first).toContain('<a href="/advisories/page/2/" rel="next">Older</a>');
    expect(out.get('advisories/page/2/index.html')).toContain('<a href="/advisories/" rel="prev">Newer</a>');
    expect(out.get('advisories/page/2/index.html')).toContain(
      '<a href="/advisories/page/2/" aria-current="page" aria-label="Page 2, current">2</a>',
    );
    // Items are numbered across pages: page 2 starts at 51.
    expect(out.get('advisories/page/2/index.html')).toContain('<ol class="advisory-list" start="51">');
  });

  it('paginates filtered listings too', () => {
    const pages = [...out.keys()].filter((f) => /^advisories\/(severity|year|component|release)\/[^/]+\/page\/\d+\/index\.html$/.test(f));
    expect(pages.length).toBeGreaterThan(0);
    for (const f of pages) {
      const base = f.replace(/page\/\d+\/index\.html$/, 'index.html');
      expect(out.has(base), base).toBe(true);
    }
  });

  it('paginates long release checklists the same way', () => {
    const rows = (file: string) => (out.get(file)?.match(/<tr><th scope="row">/g) ?? []).length;
    const long = [...out.keys()].filter((f) => /^releases\/[a-z]+\/page\/2\/index\.html$/.test(f));
    expect(long.length).toBeGreaterThan(0);
    for (const f of long) {
      const first = f.replace('page/2/', '');
      expect(rows(first), first).toBe(50);
      expect(out.get(first)).toContain(`<a href="/${f.replace('index.html', '')}" rel="next">Older</a>`);
      expect(rows(f)).toBeGreaterThan(0);
    }
    for (const f of [...out.keys()].filter((k) => k.startsWith('releases/'))) expect(rows(f), f).toBeLessThanOrEqual(50);
  });
});
