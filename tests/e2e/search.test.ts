/**
 * Search on the built fixture site, in Chromium, as a visitor uses it: a word of a published
 * advisory's title finds it; a severity or year filter narrows the results; the search box is
 * reached with the keyboard alone. The embargo holds in the browser too: no canary word, alias
 * or credit name of the announced or hidden fixture advisory finds anything, while the same
 * kind of query for a published advisory does, so the search is proven to be working when it
 * answers "no results". All of it at the domain root and under a path (Pagefind's bundle and
 * the results' links must follow the base path).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/model/urls.ts';
import { CANARIES, FIXTURE_IDS } from '../fixtures/site/canaries.ts';
import { cspViolations, tabTo } from '../support/e2e-audit.ts';
import { buildOrThrow, FIXTURE_SITE, SKIP_WITHOUT_BROWSER, useSession } from '../support/e2e-site.ts';
import { contentAt } from '../support/e2e-served.ts';
import { underBase } from '../../src/outputs/http-headers.ts';
import { fixtureModel } from '../support/fixture-model.ts';

const INPUT = '.pagefind-ui__search-input';
const MESSAGE = '.pagefind-ui__message';
/** Top-level results only (not the sub-results for headings inside a page). */
const RESULT_LINK = '.pagefind-ui__result-inner > .pagefind-ui__result-title > a';

const published = fixtureModel().published;
const backported = published.find((a) => a.id === FIXTURE_IDS.backported)!;

/**
 * Waits until Pagefind's message answers exactly `term` ("No results for x", "1 result for
 * x", "3 results for x") and every shown result has loaded; returns the count it announced and
 * the result paths. Waiting on the message naming the term is what makes "no results" mean
 * the search ran rather than that it had not answered yet.
 */
async function settled(page: Page, term: string): Promise<{ count: number; paths: string[] }> {
  const handle = await page.waitForFunction(
    ([t, selector, message]) => {
      const text = document.querySelector(message)?.textContent?.trim() ?? '';
      const m = /^(No|One|\d+) results? for (.*)$/.exec(text);
      if (!m || m[2] !== t) return false;
      const count = m[1] === 'No' ? 0 : m[1] === 'One' ? 1 : Number(m[1]);
      // Pagefind shows the first five and loads each result's data separately.
      return document.querySelectorAll(selector).length === Math.min(count, 5) ? { count } : false;
    },
    [term, RESULT_LINK, MESSAGE] as const,
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

/** At the domain root, and under a path as https://openedx.org/security serves the site. */
const DEPLOYMENTS = [
  { base: '/', build: () => buildOrThrow() },
  { base: '/security/', build: () => buildOrThrow(contentAt(FIXTURE_SITE, 'https://openedx.org/security')) },
];

describe.skipIf(SKIP_WITHOUT_BROWSER).each(DEPLOYMENTS)('search in Chromium, served under $base', ({ base, build }) => {
  const session = useSession(build, { base });
  /** A result's path: the advisory's route under the base path. */
  const pageOf = (id: string) => underBase(base, paths.advisory(id));

  /** Opens /search/ (or `path`), waits for the Pagefind UI, runs `body`, then holds the page to no console error and no CSP violation. */
  async function onSearchPage<T>(body: (page: Page) => Promise<T>, path = paths.search): Promise<T> {
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
    expect(found.paths).toContain(pageOf(FIXTURE_IDS.backported));
  });

  it('an advisory id or alias finds exactly that advisory, and an unknown one finds nothing', async () => {
    await onSearchPage(async (page) => {
      expect(await search(page, backported.id)).toMatchObject({ count: 1, paths: [pageOf(backported.id)] });
      const alias = backported.advisory.aliases[0]!;
      expect(await search(page, alias.toLowerCase())).toMatchObject({ count: 1, paths: [pageOf(backported.id)] });
      expect((await search(page, 'OEA-2030-999')).count).toBe(0);
      expect((await search(page, 'CVE-2031-11111')).count).toBe(0);
    });
  });

  /**
   * Checks one filter value on the results for "course": its label must give the number of
   * results that have it (worked out from the model: the fixture has at most five results,
   * all shown), and checking it must leave exactly those. The label is polled: on a loaded
   * machine it may show the index's total for a moment after the results arrive.
   */
  async function narrows(page: Page, filter: 'severity' | 'year', pick: (values: string[], all: string[]) => string | undefined) {
    const all = await search(page, 'course');
    expect(all.count, 'the fixture has at most five results for "course", all shown').toBeLessThanOrEqual(5);
    const valueOf = (path: string) => {
      const a = published.find((p) => pageOf(p.id) === path);
      return a && (filter === 'severity' ? a.level : a.year);
    };
    const values = all.paths.map(valueOf).filter((v): v is string => !!v);
    const value = pick(values, all.paths);
    expect(value, `no ${filter} would leave some results out`).toBeDefined();
    const expected = values.filter((v) => v === value).length;
    expect(expected).toBeLessThan(all.count);
    const inputs = page.locator(`input.pagefind-ui__filter-checkbox[name="${filter}"]`);
    // A filter group may start folded.
    if (!(await inputs.first().isVisible())) await page.locator('.pagefind-ui__filter-name', { hasText: new RegExp(filter, 'i') }).click();
    const label = page.locator(`label[for="${filter}-${value}"]`);
    await expect.poll(async () => Number(/\((\d+)\)/.exec(await label.innerText())?.[1]), { timeout: 5_000 }).toBe(expected);
    await page.locator(`input.pagefind-ui__filter-checkbox[name="${filter}"][value="${value}"]`).check();
    await page.waitForFunction(
      ([n, message]) =>
        document
          .querySelector(message)
          ?.textContent?.trim()
          .match(new RegExp(`^(${n}${n === 1 ? '|One' : ''}) results? for`)),
      [expected, MESSAGE] as const,
    );
    const filtered = await settled(page, 'course');
    expect(filtered.count).toBe(expected);
    expect(filtered.paths.map(valueOf)).toEqual(filtered.paths.map(() => value));
  }

  it('a severity filter narrows the results to advisories of that severity', async () => {
    await onSearchPage((page) => narrows(page, 'severity', (levels) => (levels.includes('medium') ? 'medium' : undefined)));
  });

  it('a year filter narrows the results to advisories of that year', async () => {
    // The first year that some but not all results have.
    await onSearchPage((page) =>
      narrows(page, 'year', (years, all) => years.find((y) => years.filter((v) => v === y).length < all.length)),
    );
  });

  it('the search box is reached with Tab, and typing there searches', async () => {
    await onSearchPage(async (page) => {
      expect(await tabTo(page, INPUT), 'Tab never reached the search box').toBe(true);
      await page.keyboard.type('grade');
      expect((await settled(page, 'grade')).paths).toContain(pageOf(FIXTURE_IDS.backported));
    });
  });

  it('finds nothing for any canary word, alias or name of the announced and hidden advisories', async () => {
    const embargoed = [CANARIES.announced, CANARIES.hidden];
    // Made-up single words: they are in no published page, so any result at all is a leak.
    const words = embargoed.flatMap((c) => c.words);
    // Aliases, credit names and the (secret) hidden id are several tokens ("CVE-2026-99901" is
    // "cve", "2026", "99901"), and Pagefind matches published pages on the common ones; a leak
    // is a result whose page holds the whole term. The announced id is public (its notice).
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
      if (!(await search(page, alias)).paths.includes(pageOf(backported.id))) out.push(`control: ${alias} did not find ${backported.id}`);
      return out;
    });
    expect(hits).toEqual([]);
  });
});
