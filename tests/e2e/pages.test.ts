/**
 * Every page type of the built fixture site in Chromium, as a visitor meets it: one load per
 * page, then in light and dark, at desktop and phone width and in print, the page must log no
 * error, break no CSP rule, pass axe (WCAG 2.1 A/AA), neither scroll sideways nor overlap,
 * and let the keyboard skip to the main content. Screenshots of each go to
 * artifacts/screenshots/ for reviewers (CI uploads them). Then the same pages of a site under a
 * path (https://openedx.org/security, served under /security/): each loads everything it links
 * from under the base path, names its own address as canonical, and holds the same gates
 * except those the path cannot change (axe, layout, screenshots).
 */
import { describe, expect, it } from 'vitest';
import { absolute, paths } from '../../src/model/urls.ts';
import { FIXTURE_IDS } from '../fixtures/site/canaries.ts';
import { axeViolations, cspViolations, layoutProblems, skipLinkProblems } from '../support/e2e-audit.ts';
import { buildOrThrow, DESKTOP, FIXTURE_SITE, PHONE, screenshot, SKIP_WITHOUT_BROWSER, useSession } from '../support/e2e-site.ts';
import { contentAt } from '../support/e2e-served.ts';

type PageType = {
  /** Screenshot name and test title. */
  type: string;
  path: string;
  status?: number;
  /** Waited for before the checks, on pages whose content a script renders. */
  ready?: string;
  /** Screenshots are taken of one page per type; variants are only checked. */
  shots?: boolean;
};

const PAGES: PageType[] = [
  { type: 'home', path: paths.home },
  { type: 'policy', path: paths.policy },
  { type: 'operators', path: paths.operators },
  { type: 'working-group', path: paths.workingGroup },
  { type: 'security-md', path: paths.securityMdPage, ready: 'button[data-copy]:not([hidden])' },
  { type: 'advisories', path: paths.advisories },
  { type: 'advisories-severity', path: paths.advisoryFacet('severity', 'medium') },
  { type: 'advisories-year', path: paths.advisoryFacet('year', '2025') },
  { type: 'advisories-component', path: paths.advisoryFacet('component', 'openedx-openedx-platform') },
  { type: 'advisories-release', path: paths.advisoryFacet('release', 'verawood') },
  { type: 'advisory', path: paths.advisory(FIXTURE_IDS.backported) },
  { type: 'advisory-withdrawn', path: paths.advisory(FIXTURE_IDS.withdrawn) },
  { type: 'advisory-cvss4', path: paths.advisory(FIXTURE_IDS.cvss4), shots: false },
  { type: 'advisory-pypi', path: paths.advisory(FIXTURE_IDS.pypi), shots: false },
  { type: 'advisory-no-cvss', path: paths.advisory(FIXTURE_IDS.noCvss), shots: false },
  { type: 'advisory-revised', path: paths.advisory(FIXTURE_IDS.revised), shots: false },
  { type: 'upcoming', path: paths.upcoming },
  { type: 'releases', path: paths.releases },
  { type: 'release', path: paths.release('verawood') },
  { type: 'release-unsupported', path: paths.release('palm'), shots: false },
  { type: 'subscribe', path: paths.subscribe },
  { type: 'figures', path: paths.figures },
  // With a query, so the checks and screenshots cover the results too (the filters: search.test.ts).
  { type: 'search', path: `${paths.search}?q=course`, ready: '.search-result-link' },
  { type: 'not-found', path: '/no-such-page/', status: 404 },
];

/** A4 at 96 dpi: what a printed page gives the layout. */
const PRINT = { width: 794, height: 1123 } as const;

describe.skipIf(SKIP_WITHOUT_BROWSER)('every page type in Chromium', () => {
  const session = useSession(() => buildOrThrow());

  for (const { type, path, status = 200, ready, shots = true } of PAGES) {
    it(`${type} (${path})`, async () => {
      const { page, watch, status: got, close } = await session().open(path, { expectStatus: status });
      try {
        expect(got, `HTTP status of ${path}`).toBe(status);
        if (ready) await page.waitForSelector(ready);
        const problems: string[] = [];
        const note = (label: string, list: string[]) => problems.push(...list.map((p) => `${label}: ${p}`));

        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
          await page.setViewportSize(DESKTOP);
          note(`${scheme} axe`, await axeViolations(page));
          note(`${scheme} ${DESKTOP.width}px`, await layoutProblems(page));
          if (shots) await screenshot(page, type, scheme);
          await page.setViewportSize(PHONE);
          note(`${scheme} ${PHONE.width}px`, await layoutProblems(page));
          if (shots) await screenshot(page, type, scheme);
        }
        await page.emulateMedia({ colorScheme: 'light', media: 'print' });
        await page.setViewportSize(PRINT);
        note('print', await layoutProblems(page));

        await page.emulateMedia({ media: 'screen' });
        await page.setViewportSize(DESKTOP);
        note('keyboard', await skipLinkProblems(page));
        note('CSP', await cspViolations(page));
        note('page', watch.problems());
        expect(problems, `${path}\n${problems.join('\n')}`).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});

const UNDER_PATH = 'https://openedx.org/security';

describe.skipIf(SKIP_WITHOUT_BROWSER)('every page type under a base path (/security/)', () => {
  const session = useSession(() => buildOrThrow(contentAt(FIXTURE_SITE, UNDER_PATH)), { base: '/security/' });

  for (const { type, path, status = 200, ready } of PAGES) {
    it(`${type} (/security${path})`, async () => {
      const { page, watch, status: got, close } = await session().open(path, { expectStatus: status });
      try {
        expect(got, `HTTP status of ${path}`).toBe(status);
        if (ready) await page.waitForSelector(ready);
        const { canonical, outside } = await page.evaluate(() => ({
          canonical: document.querySelector('link[rel=canonical]')?.getAttribute('href') ?? null,
          outside: [...document.querySelectorAll('[href], [src]')]
            .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? '')
            .filter((u) => u.startsWith('/') && !u.startsWith('/security/')),
        }));
        expect(outside, 'links from the domain root').toEqual([]);
        expect(canonical).toBe(status === 200 ? absolute(UNDER_PATH, path.split('?')[0]!) : null);
        const problems = [...(await skipLinkProblems(page)), ...(await cspViolations(page)), ...watch.problems()];
        expect(problems, `${path}\n${problems.join('\n')}`).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});
