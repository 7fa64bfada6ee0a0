/**
 * Long unbroken words must wrap, not widen the page: a code path as an advisory title, a
 * title that is one 160-character word (the longest the schema allows) and a path in a
 * notice's text. Every page that shows them, in Chromium at desktop and phone width, in light
 * and dark and in print, must not scroll sideways; the long words must wrap inside their box
 * rather than stick out of it, and ordinary words must stay whole.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { paths } from '../../src/model/urls.ts';
import { makeBareContentRoot } from '../support/build-site.ts';
import { buildOrThrow, DESKTOP, PHONE, removeTemp, SKIP_WITHOUT_BROWSER, useSession } from '../support/e2e-site.ts';

const CLOCK = '2026-11-25T12:00:00Z';
const PATH_WORD = 'lms/djangoapps/instructor/views/instructor_dashboard.py::set_course_mode_price';
const ONE_WORD = 'Supercalifragilistic'.repeat(8);
const NOTICE_TEXT = `Fix in ${PATH_WORD}; plan to upgrade.`;

const IDS = { path: 'OEA-2026-201', word: 'OEA-2026-202', announced: 'OEA-2026-203' } as const;
const RELEASE = 'verawood';
/** A4 at 96 dpi, as pages.test.ts prints. */
const PRINT = { width: 794, height: 1123 } as const;

/** A published advisory with a backport to RELEASE, so its title is also on the release's checklist. */
const published = (id: string, title: string, commit: string) => `---
id: ${id}
title: ${JSON.stringify(title)}
summary: Staff of one course could change the price of another course's mode.
publish_at: "2026-10-07T14:00:00Z"
notice:
  components: [openedx/openedx-platform]
  releases: [${RELEASE}]
  severity: medium
affected:
  - repository: openedx/openedx-platform
    master_fix: ${commit}
    releases:
      - { release: ${RELEASE}, status: fixed, commit: ${commit.split('').reverse().join('')} }
---

## Impact

A course mode's price could be set by staff of another course.
`;

/** Announced at CLOCK: only its notice is public, and the notice text holds the long word. */
const announced = `---
id: ${IDS.announced}
title: Quillorbane sessions survive a password change
summary: Sessions made before a password change stayed valid afterwards.
announce_at: "2026-11-20T14:00:00Z"
publish_at: "2026-12-02T14:00:00Z"
notice:
  components: [openedx/openedx-platform]
  releases: [${RELEASE}]
  severity: high
  text: ${JSON.stringify(NOTICE_TEXT)}
affected:
  - repository: openedx/openedx-platform
---

## Impact

Old sessions of an account outlived the change of its password.
`;

const PAGES = [paths.advisory(IDS.path), paths.advisory(IDS.word), paths.home, paths.upcoming, paths.advisories, paths.release(RELEASE)];

/** How far the page scrolls sideways at its current width and media, naming the outermost elements that stick out; or nothing. */
async function sidewaysScroll(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const { scrollWidth } = document.documentElement;
    const width = window.innerWidth;
    if (scrollWidth <= width) return undefined;
    const out = (e: Element | null) => !!e && e.getBoundingClientRect().right > width + 1;
    const wide = [...document.body.querySelectorAll('*')]
      .filter((e) => out(e) && !out(e.parentElement))
      .map((e) => e.tagName.toLowerCase() + (e.classList.length > 0 ? `.${[...e.classList].join('.')}` : ''));
    return `scrollWidth ${scrollWidth} > innerWidth ${width} (${wide.join(', ')})`;
  });
}

/** Elements showing `word` on one line wider than their box, rather than wrapped in it. */
async function overflowing(page: Page, word: string): Promise<string[]> {
  return page.evaluate((w) => {
    const holders = [...document.body.querySelectorAll('*')].filter((e) =>
      [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.includes(w)),
    );
    return holders.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.tagName.toLowerCase());
  }, word);
}

/**
 * Ordinary words (letters and digits, 2 to 15 of them) that are split across two lines: the
 * wrapping of long words must leave every other word whole.
 */
async function splitWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const split: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // A text that holds a long word may break inside it, and so inside its parts. Code in
      // table cells breaks anywhere (commit ids), so narrow columns fit a phone.
      if ((node.textContent ?? '').split(/\s+/).some((w) => w.length > 30)) continue;
      if (node.parentElement?.closest('td code, th code')) continue;
      for (const m of (node.textContent ?? '').matchAll(/[\p{L}\p{N}]{2,15}/gu)) {
        if (m[0].length === 15 && /[\p{L}\p{N}]/u.test(node.textContent![m.index + 15] ?? '')) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) split.push(m[0]);
      }
    }
    return split;
  });
}

describe.skipIf(SKIP_WITHOUT_BROWSER)('long words in Chromium', () => {
  let root: string | undefined;
  const session = useSession(() => {
    root = makeBareContentRoot({
      [`advisories/2026/${IDS.path}.md`]: published(IDS.path, PATH_WORD, '3c4d5e6f708192a3b4c5d6e7f80912a3b4c5d6e7'),
      [`advisories/2026/${IDS.word}.md`]: published(IDS.word, ONE_WORD, '4d5e6f708192a3b4c5d6e7f80912a3b4c5d6e7f8'),
      [`advisories/2026/${IDS.announced}.md`]: announced,
    });
    return buildOrThrow(root, CLOCK);
  });
  afterAll(() => removeTemp(root));

  it('shows the titles and the notice text it is tested with', async () => {
    for (const [path, text] of [
      [paths.advisory(IDS.path), PATH_WORD],
      [paths.advisory(IDS.word), ONE_WORD],
    ] as const) {
      const { page, close } = await session().open(path);
      try {
        expect(await page.locator('h1').innerText()).toBe(text);
      } finally {
        await close();
      }
    }
    for (const path of [paths.home, paths.upcoming, paths.release(RELEASE)]) {
      const { page, close } = await session().open(path);
      try {
        expect(await page.locator(`#${IDS.announced}`).innerText(), path).toContain(NOTICE_TEXT);
      } finally {
        await close();
      }
    }
  });

  for (const path of PAGES) {
    it(`${path} wraps them instead of scrolling sideways`, async () => {
      const { page, watch, close } = await session().open(path);
      try {
        const problems: string[] = [];
        const check = async (label: string) => {
          const scroll = await sidewaysScroll(page);
          if (scroll) problems.push(`${label}: ${scroll}`);
          for (const word of [PATH_WORD, ONE_WORD]) {
            const over = await overflowing(page, word);
            if (over.length > 0) problems.push(`${label}: ${word.slice(0, 20)}… sticks out of ${over.join(', ')}`);
          }
          const split = await splitWords(page);
          if (split.length > 0) problems.push(`${label}: ordinary words split across lines: ${split.join(', ')}`);
        };
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
          for (const size of [DESKTOP, PHONE]) {
            await page.setViewportSize(size);
            await check(`${scheme} ${size.width}px`);
          }
        }
        await page.emulateMedia({ colorScheme: 'light', media: 'print' });
        await page.setViewportSize(PRINT);
        await check('print');
        expect(problems, `${path}\n${problems.join('\n')}`).toEqual([]);
        expect(watch.problems()).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});
