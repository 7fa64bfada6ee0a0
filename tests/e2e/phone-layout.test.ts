/**
 * An operator on a 390 px phone: every fix of every advisory (commit, tag, version) is on the
 * screen without sideways scrolling, what to apply comes before the facts and the body,
 * repository and tag names wrap only after a separator, and the home page reaches "what to
 * apply on my release" in one tap.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/model/urls.ts';
import { FIXTURE_IDS, FIXTURE_PUBLIC_IDS } from '../fixtures/site/canaries.ts';
import { buildOrThrow, PHONE, SKIP_WITHOUT_BROWSER, useSession } from '../support/e2e-site.ts';

/** Elements of `selector` that stick out of the viewport (left or right), as "text: left..right". */
async function offScreen(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((nodes) =>
    nodes.flatMap((n) => {
      const r = n.getBoundingClientRect();
      return r.left < 0 || r.right > document.documentElement.clientWidth + 0.5 ? [`${n.textContent?.trim()}: ${r.left}..${r.right}`] : [];
    }),
  );
}

/**
 * Where the names in `selector` wrap: for each line break inside one, the character before the
 * break. A break after anything but a separator is a mid-word break.
 */
async function breaksInside(page: Page, selector: string): Promise<Array<{ name: string; before: string }>> {
  return page.locator(selector).evaluateAll((nodes) =>
    nodes.flatMap((node) => {
      const out: Array<{ name: string; before: string }> = [];
      const text = node.textContent ?? '';
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      let top: number | undefined;
      let previous = '';
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        for (let i = 0; i < t.textContent!.length; i++) {
          const range = document.createRange();
          range.setStart(t, i);
          range.setEnd(t, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          if (top !== undefined && rect.top > top + 2) out.push({ name: text, before: previous });
          top = rect.top;
          previous = t.textContent![i]!;
        }
      }
      return out;
    }),
  );
}

describe.skipIf(SKIP_WITHOUT_BROWSER)('advisory pages on a 390 px phone', () => {
  const session = useSession(() => buildOrThrow());

  async function onPhone<T>(path: string, body: (page: Page) => Promise<T>): Promise<T> {
    const { page, watch, close } = await session().open(path, { viewport: { ...PHONE } });
    try {
      const result = await body(page);
      expect(watch.problems()).toEqual([]);
      return result;
    } finally {
      await close();
    }
  }

  for (const id of FIXTURE_PUBLIC_IDS) {
    it(`${id}: every fix on screen, before the facts, in both colour schemes`, async () => {
      await onPhone(paths.advisory(id), async (page) => {
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
          const cards = page.locator('.fix-card');
          expect(await cards.count(), 'no fix card').toBeGreaterThan(0);
          // Status and fix of every card, and every link and code in them, are inside the screen.
          expect(await offScreen(page, '.fix-card, .fix-card .fix-status, .fix-card .fix-what, .fix-card a, .fix-card code')).toEqual([]);
          for (const card of await cards.all()) {
            expect(await card.locator('.fix-status').isVisible()).toBe(true);
            expect((await card.locator('.fix-what').innerText()).trim()).not.toBe('');
          }
        }
        const top = (selector: string) =>
          page
            .locator(selector)
            .first()
            .evaluate((e) => e.getBoundingClientRect().top);
        expect(await top('.fix-list')).toBeLessThan(await top('.facts'));
        expect(await top('.fix-list')).toBeLessThan(await top('.body'));
      });
    });
  }

  it('wraps tag and repository names only after a separator, however narrow their column', async () => {
    await onPhone(paths.advisory(FIXTURE_IDS.backported), async (page) => {
      const midWord = (breaks: Array<{ before: string }>) => breaks.filter((b) => !'/._-'.includes(b.before));
      expect(midWord(await breaksInside(page, '.split-name'))).toEqual([]);
      // Squeeze the cards until every tag must wrap: after "/" or ".", never inside a word.
      await page.locator('.fix-list').evaluate((list) => ((list as HTMLElement).style.width = '7.5rem'));
      const breaks = await breaksInside(page, '.fix-card .split-name');
      expect(breaks.length, 'the squeezed tags should wrap').toBeGreaterThanOrEqual(4);
      expect(midWord(breaks)).toEqual([]);
    });
  });

  it('greys out a withdrawn advisory: struck-through severity, no "Affected, no fix yet"', async () => {
    await onPhone(paths.advisory(FIXTURE_IDS.withdrawn), async (page) => {
      const badge = page.locator('.facts .badge');
      expect(await badge.getAttribute('class')).toContain('badge-withdrawn');
      const [color, muted] = await page.evaluate(() => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--muted)';
        document.body.append(probe);
        return [getComputedStyle(document.querySelector('.facts .badge')!).color, getComputedStyle(probe).color];
      });
      expect(color).toBe(muted);
      expect(await page.locator('main').innerText()).not.toContain('Affected, no fix yet');
    });
  });

  it('reaches what to apply on a release in one tap from the home page', async () => {
    await onPhone(paths.home, async (page) => {
      const pick = page.locator('.release-picker a', { hasText: 'Verawood' });
      expect(await offScreen(page, '.release-picker a')).toEqual([]);
      await pick.click();
      await page.waitForURL(/\/releases\/verawood\/$/);
      const summary = page.locator('.release-summary');
      expect(await summary.innerText()).toContain('Every published fix for Verawood is in open-release/verawood.3');
      // The summary is the first thing under the heading.
      const top = await summary.evaluate((e) => e.getBoundingClientRect().top);
      expect(top).toBeLessThan(PHONE.height);
    });
  });
});
