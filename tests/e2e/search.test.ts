/**
 * Search on the built fixture site, in Chromium, as a visitor uses it: words, ids and aliases,
 * the structured fields people type (a weakness's abbreviation, a named release), filters, the
 * keyboard, and the phone layout. The embargo holds in the browser too: no canary word, alias
 * or credit name of the announced or hidden fixture advisory finds anything, while the same
 * kind of query for a published advisory does, so "no results" is proven to mean the search
 * ran. The results, the open filters and the page pass axe in both colour schemes. Search
 * is Pagefind's: the page downloads the records of the results it shows and nothing of the
 * filters until they are opened.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/components/search-query.ts';
import { paths } from '../../src/model/urls.ts';
import { CANARIES, FIXTURE_IDS } from '../fixtures/site/canaries.ts';
import { axeViolations, cspViolations, layoutProblems, tabTo } from '../support/e2e-audit.ts';
import { buildOrThrow, PHONE, SKIP_WITHOUT_BROWSER, useSession } from '../support/e2e-site.ts';
import { fixtureModel } from '../support/fixture-model.ts';

const INPUT = '#search-input';
const STATUS = '#search-status';
const RESULT_LINK = '.search-result-link';

const published = fixtureModel().published;
const byId = (id: string) => published.find((a) => a.id === id)!;
const backported = byId(FIXTURE_IDS.backported);

/**
 * Waits until the status answers exactly `term` ("No results for x", "1 result for x",
 * "3 results for x") and the shown results have loaded; returns the count and result paths.
 */
async function settled(page: Page, term: string): Promise<{ count: number; paths: string[] }> {
  const handle = await page.waitForFunction(
    ([t, selector, status, shown]) => {
      const text = document.querySelector(status)?.textContent?.trim() ?? '';
      const m = /^(No|\d+) results? for (.*)$/.exec(text);
      if (!m || m[2] !== t) return false;
      const count = m[1] === 'No' ? 0 : Number(m[1]);
      return document.querySelectorAll(selector).length === Math.min(count, shown) ? { count } : false;
    },
    [term, RESULT_LINK, STATUS, PAGE_SIZE] as const,
    { timeout: 20_000, polling: 100 },
  );
  const { count } = (await handle.jsonValue()) as { count: number };
  const found = await page.locator(RESULT_LINK).evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return { count, paths: found };
}

async function search(page: Page, term: string) {
  await page.fill(INPUT, term);
  return settled(page, term);
}

describe.skipIf(SKIP_WITHOUT_BROWSER)('search in Chromium', () => {
  const session = useSession(() => buildOrThrow());

  /** Opens /search/ (or `path`), runs `body`, then holds the page to no console error and no CSP violation. */
  async function onSearchPage<T>(body: (page: Page) => Promise<T>, path: string = paths.search): Promise<T> {
    const { page, watch, close } = await session().open(path);
    try {
      await page.waitForSelector(INPUT);
      const result = await body(page);
      expect([...(await cspViolations(page)), ...watch.problems()]).toEqual([]);
      return result;
    } finally {
      await close();
    }
  }

  it('a word of a published advisory title finds that advisory', async () => {
    expect(backported.advisory.title).toMatch(/grade reports/i);
    const found = await onSearchPage((page) => search(page, 'grade reports'));
    expect(found.paths).toContain(paths.advisory(FIXTURE_IDS.backported));
  });

  it('finds what people type: a weakness by its abbreviation, a named release of a fix row, a partly typed word', async () => {
    await onSearchPage(async (page) => {
      // "xss" and "ssrf" are in neither advisory's title nor body: they come from the CWE table.
      for (const [term, id] of [
        ['xss', FIXTURE_IDS.cvss4],
        ['XSS', FIXTURE_IDS.cvss4],
        ['cross-site scripting', FIXTURE_IDS.cvss4],
        ['ssrf', FIXTURE_IDS.pypi],
        ['open redirect', FIXTURE_IDS.revised],
        ['verawood', FIXTURE_IDS.backported],
        ['open-release/ulmo.5', FIXTURE_IDS.backported],
        ['edx-enterprise', FIXTURE_IDS.pypi],
        ['authoriz', FIXTURE_IDS.backported],
      ] as const) {
        const found = await search(page, term);
        expect(found.paths[0], `${term} should find ${id} first (found ${found.paths.join(', ')})`).toBe(paths.advisory(id));
      }
      expect(byId(FIXTURE_IDS.cvss4).text.toLowerCase()).not.toContain('xss');
      expect(byId(FIXTURE_IDS.pypi).text.toLowerCase()).not.toContain('ssrf');
    });
  });

  it('an advisory id or alias finds exactly that advisory, and an unknown one finds nothing', async () => {
    await onSearchPage(async (page) => {
      expect(await search(page, backported.id)).toMatchObject({ count: 1, paths: [paths.advisory(backported.id)] });
      const alias = backported.advisory.aliases[0]!;
      expect(await search(page, alias.toLowerCase())).toMatchObject({ count: 1, paths: [paths.advisory(backported.id)] });
      expect((await search(page, 'OEA-2030-999')).count).toBe(0);
      expect((await search(page, 'CVE-2031-11111')).count).toBe(0);
    });
  });

  it('shows each result as the archive does: severity badge, the site date, a Withdrawn label', async () => {
    await onSearchPage(async (page) => {
      await search(page, 'certificate');
      const withdrawn = page.locator('#search-results > li', { has: page.locator(`a[href$="${paths.advisory(FIXTURE_IDS.withdrawn)}"]`) });
      await expect.poll(() => withdrawn.count()).toBe(1);
      expect(await withdrawn.locator('.badge.badge-low.badge-withdrawn').count()).toBe(1);
      expect(await withdrawn.locator('.tag-withdrawn').innerText()).toBe('Withdrawn');
      expect(await withdrawn.locator('.meta').innerText()).toBe('Published 6 August 2024');
    });
  });

  /** Opens the filters and waits for a group's checkboxes. */
  async function openFilters(page: Page) {
    await page.locator('#search-filters > summary').click();
    await page.waitForSelector('#search-filter-groups input[type="checkbox"]');
  }

  for (const group of ['severity', 'year'] as const) {
    it(`a ${group} filter narrows the results to advisories of that ${group}`, async () => {
      await onSearchPage(async (page) => {
        // Every repository advisory names its openedx/ component.
        const all = await search(page, 'openedx');
        await openFilters(page);
        // The first value whose count (for the current results) leaves some results out.
        let value: string | null = null;
        let expected = 0;
        for (const input of await page.locator(`#search-filter-groups input[name="${group}"]`).all()) {
          const v = await input.getAttribute('value');
          const n = Number(/\((\d+)\)/.exec(await page.locator(`label[for="${await input.getAttribute('id')}"]`).innerText())?.[1]);
          if (n > 0 && n < all.count) {
            value = v;
            expected = n;
            break;
          }
        }
        expect(value, `no ${group} filter would narrow the results`).not.toBeNull();
        await page.locator(`#search-filter-groups input[name="${group}"][value="${value}"]`).check();
        await page.waitForFunction(([n, status]) => document.querySelector(status)?.textContent?.trim().startsWith(`${n} result`), [
          expected,
          STATUS,
        ] as const);
        const filtered = await settled(page, 'openedx');
        expect(filtered.count).toBe(expected);
        const got = filtered.paths.map((path) => {
          const a = published.find((x) => paths.advisory(x.id) === path);
          return group === 'severity' ? a?.level : a?.year;
        });
        expect(got).toEqual(filtered.paths.map(() => value));
      });
    });
  }

  it('downloads the records of the results it shows, and the filters only once they are opened', async () => {
    await onSearchPage(async (page) => {
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      const found = await search(page, 'openedx');
      expect(found.count).toBeGreaterThan(PAGE_SIZE);
      const fragments = () => requested.filter((p) => p.startsWith(`${paths.pagefind}fragment/`)).length;
      expect(fragments()).toBe(PAGE_SIZE);
      expect(requested.filter((p) => p.startsWith(`${paths.pagefind}filter/`))).toEqual([]);
      // Only Pagefind's search API, never its UI bundles or its worker.
      expect(requested.filter((p) => /pagefind-(ui|component|modular|worker|highlight)/.test(p))).toEqual([]);
      await page.locator('#search-more').click();
      await expect.poll(() => page.locator(RESULT_LINK).count()).toBe(Math.min(found.count, 2 * PAGE_SIZE));
      expect(fragments()).toBe(Math.min(found.count, 2 * PAGE_SIZE));
      await openFilters(page);
      expect(requested.filter((p) => p.startsWith(`${paths.pagefind}filter/`)).length).toBeGreaterThan(0);
    });
  });

  it('puts the results before the filters on a phone, without sideways scrolling, and passes axe with the filters open', async () => {
    await onSearchPage(async (page) => {
      await page.setViewportSize(PHONE);
      await search(page, 'course');
      await openFilters(page);
      const top = (selector: string) => page.locator(selector).evaluate((e) => e.getBoundingClientRect().top);
      expect(await top('#search-results')).toBeLessThan(await top('#search-filters'));
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await layoutProblems(page), scheme).toEqual([]);
        expect(await axeViolations(page), scheme).toEqual([]);
      }
    });
  });

  it('the search box is reached with Tab, and typing there searches', async () => {
    await onSearchPage(async (page) => {
      expect(await tabTo(page, INPUT), 'Tab never reached the search box').toBe(true);
      await page.keyboard.type('grade');
      expect((await settled(page, 'grade')).paths).toContain(paths.advisory(FIXTURE_IDS.backported));
    });
  });

  it('starts from the q parameter of the address, so a search can be linked', async () => {
    const found = await onSearchPage((page) => settled(page, 'verawood'), `${paths.search}?q=verawood`);
    expect(found.paths).toEqual([paths.advisory(FIXTURE_IDS.backported)]);
  });

  it('finds nothing for any canary word, alias or name of the announced and hidden advisories', async () => {
    const embargoed = [CANARIES.announced, CANARIES.hidden];
    // Made-up single words: they are in no published page, so any result at all is a leak.
    const words = embargoed.flatMap((c) => c.words);
    // Aliases, credit names and the (secret) hidden id: an alias or id query matches whole ids
    // only; a name is several words, which published pages may hold one by one, so a leak is a
    // result whose page holds the whole term. The announced id is public (its notice).
    const phrases = [...embargoed.flatMap((c) => [...c.aliases, ...c.names]), CANARIES.hidden.id];
    expect(words.length).toBeGreaterThanOrEqual(4);
    expect(phrases.length).toBeGreaterThanOrEqual(5);
    const hits = await onSearchPage(async (page) => {
      const out: string[] = [];
      for (const term of words) {
        const { count, paths: found } = await search(page, term);
        if (count > 0) out.push(`${term}: ${count} result(s) ${found.join(', ')}`);
      }
      for (const term of phrases) {
        const { paths: found } = await search(page, term);
        for (const path of found) {
          const text = await (await page.request.get(`${session().server.url}${path}`)).text();
          if (text.toLowerCase().includes(term.toLowerCase())) out.push(`${term}: found on ${path}`);
        }
      }
      // The same kind of query for a published advisory does find it: the search was working.
      const alias = backported.advisory.aliases[0]!;
      if (!(await search(page, alias)).paths.includes(paths.advisory(backported.id)))
        out.push(`control: ${alias} did not find ${backported.id}`);
      return out;
    });
    expect(hits).toEqual([]);
  });
});
