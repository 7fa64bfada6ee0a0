/**
 * What a visitor does on the built fixture site, in Chromium, besides searching (that is
 * search.test.ts): follow the archive's filters and come back, meet a withdrawn advisory,
 * copy the SECURITY.md template.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentSlug } from '../../src/model/archive.ts';
import { ARCHIVE_FACETS, paths, type ArchiveFacet } from '../../src/model/urls.ts';
import { FIXTURE_IDS } from '../fixtures/site/canaries.ts';
import { buildOrThrow, SKIP_WITHOUT_BROWSER, useSession } from '../support/e2e-site.ts';
import { fixtureModel } from '../support/fixture-model.ts';

const model = fixtureModel();
const published = model.published;

describe.skipIf(SKIP_WITHOUT_BROWSER)('a visitor in Chromium', () => {
  const session = useSession(() => buildOrThrow());

  describe('the archive', () => {
    /** Per filter: the value the test follows, its URL slug, and what an advisory has for it. */
    const FOLLOW: Record<ArchiveFacet, { pick: string; slug: string; of: (a: (typeof published)[number]) => readonly string[] }> = {
      severity: { pick: 'medium', slug: 'medium', of: (a) => [a.level] },
      year: { pick: '2025', slug: '2025', of: (a) => [a.year] },
      component: { pick: 'openedx/openedx-platform', slug: componentSlug('openedx/openedx-platform'), of: (a) => a.components },
      release: { pick: 'verawood', slug: 'verawood', of: (a) => a.releaseNames },
    };

    it('each filter link leads to a list of exactly the advisories it names, and back', async () => {
      const { page, watch, close } = await session().open(paths.advisories);
      try {
        const listed = () => page.locator('.advisory-list .advisory-id').allInnerTexts();
        expect(await listed()).toEqual(published.map((a) => a.id));
        const filters = page.getByRole('navigation', { name: 'Filter advisories' });
        for (const [i, facet] of ARCHIVE_FACETS.entries()) {
          const { pick, slug, of } = FOLLOW[facet];
          const expected = published.filter((a) => of(a).includes(pick)).map((a) => a.id);
          const group = filters.locator('details').nth(i);
          // The long component list starts folded.
          if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator('summary').click();
          const link = group.locator(`a[href="${paths.advisoryFacet(facet, slug)}"]`);
          expect(await link.innerText(), `${facet} = ${pick}`).toMatch(new RegExp(`\\(${expected.length}\\)$`));
          await Promise.all([page.waitForURL(`**${paths.advisoryFacet(facet, slug)}`), link.click()]);
          expect(await listed(), `${facet} = ${pick}`).toEqual(expected);
          await Promise.all([page.waitForURL(`**${paths.advisories}`), filters.getByRole('link', { name: 'All advisories' }).click()]);
        }
        expect(watch.problems()).toEqual([]);
      } finally {
        await close();
      }
    });

    it('a withdrawn advisory is marked in the list and says so on its page', async () => {
      const { page, close } = await session().open(paths.advisories);
      try {
        const item = page.locator('.advisory-list > li', { hasText: FIXTURE_IDS.withdrawn });
        expect(await item.locator('.tag-withdrawn').innerText()).toMatch(/withdrawn/i);
        await Promise.all([page.waitForURL(`**${paths.advisory(FIXTURE_IDS.withdrawn)}`), item.getByRole('link').first().click()]);
        expect(await page.locator('main').innerText()).toMatch(/withdrawn/i);
      } finally {
        await close();
      }
    });
  });

  it('the SECURITY.md copy button puts the exact template on the clipboard and says so', async () => {
    const { page, watch, close } = await session().open(paths.securityMdPage, { permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      await page.getByRole('button', { name: 'Copy SECURITY.md' }).click();
      await page.locator('.copy-status', { hasText: 'Copied.' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(readFileSync(join(session().dist, paths.securityMdFile), 'utf8'));
      expect(copied).toContain(model.site.contact_email);
      expect(watch.problems()).toEqual([]);
    } finally {
      await close();
    }
  });
});
