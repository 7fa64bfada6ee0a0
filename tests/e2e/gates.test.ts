/**
 * The gates can fail: each one is pointed at a page of `tests/fixtures/e2e/gates/` that has
 * the fault it exists to catch, and must report exactly that, while the clean pages
 * (`index.html`, `ok.html`) pass every gate. A gate that reports nothing here would let the
 * same fault through on the real site.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishModes } from '../../src/build/file-modes.ts';
import { findChromium, launchChromium, NO_BROWSER } from '../support/browser.ts';
import { checkFeedLinks } from '../support/feed-links.ts';
import { formatHtmlProblems, validateHtmlTree } from '../support/html-check.ts';
import { checkLinks, formatBroken } from '../support/link-check.ts';
import { FIXTURES } from '../support/build-site.ts';
import { axeViolations, cspViolations, layoutProblems, skipLinkProblems } from '../support/e2e-audit.ts';
import { SKIP_WITHOUT_BROWSER, useSession } from '../support/e2e-site.ts';

const GATES = join(FIXTURES, 'e2e/gates');
const CLEAN = ['/index.html', '/ok.html'];

describe('site gates over a folder of pages', () => {
  it('the link checker reports a missing page, a missing anchor and a missing image, and nothing else', () => {
    expect(formatBroken(checkLinks(GATES, { siteUrl: 'https://gates.example.org' }))).toEqual([
      '/broken-feed.html: /missing-feed.xml: no such file in the output',
      '/broken-link.html: https://gates.example.org/gone/: no such file in the output',
      '/broken-link.html: /missing/: no such file in the output',
      '/broken-link.html: /ok.html#nowhere: no element with id "nowhere" in /ok.html',
      '/broken-link.html: /missing.png: no such file in the output',
      '/script-error.html: /missing.css: no such file in the output',
    ]);
  });

  it('the feed check reports a missing feed and a page posing as one', () => {
    const { links, problems } = checkFeedLinks(GATES);
    expect(links).toHaveLength(2);
    expect(problems.map((p) => `${p.page}: ${p.href}: ${p.problem}`)).toEqual([
      '/broken-feed.html: /missing-feed.xml: no such file in the output',
      '/broken-feed.html: /ok.html: the file is not application/feed+json',
    ]);
  });

  it('html-validate reports a block in a paragraph and a duplicate id, and passes the clean pages', async () => {
    const problems = await validateHtmlTree(GATES);
    const invalid = problems.filter((p) => p.page === '/invalid.html').map((p) => `${p.line}: ${p.rule}`);
    expect(invalid, formatHtmlProblems(problems).join('\n')).toEqual(['15: no-implicit-close', '15: close-order', '17: no-dup-id']);
    expect(formatHtmlProblems(problems.filter((p) => CLEAN.includes(p.page)))).toEqual([]);
  });
});

describe('the browser is found or its absence is explained', () => {
  it('a CHROMIUM_PATH that does not exist gives the NO_BROWSER message', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      expect(findChromium()).toBeUndefined();
      await expect(launchChromium()).rejects.toThrow(NO_BROWSER);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
    expect(NO_BROWSER).toMatch(/apt-get install chromium.*CHROMIUM_PATH/s);
  });
});

describe.skipIf(SKIP_WITHOUT_BROWSER)('browser gates in Chromium', () => {
  // A copy in the temporary folder, which nginx's workers can reach wherever the clone lives.
  const session = useSession(() => {
    const dir = mkdtempSync(join(tmpdir(), 'oex-gates-'));
    cpSync(GATES, dir, { recursive: true });
    publishModes(dir);
    return dir;
  });

  /** Every gate's findings for one page, by gate. */
  async function gates(path: string) {
    const { page, watch, close } = await session().open(path);
    try {
      const layout = await layoutProblems(page);
      const axe = await axeViolations(page);
      const keyboard = await skipLinkProblems(page);
      const csp = await cspViolations(page);
      const text = await page.locator('main').innerText();
      return { axe, layout, keyboard, csp, page: watch.problems(), text };
    } finally {
      await close();
    }
  }

  it('the clean pages pass every gate', async () => {
    for (const path of CLEAN) {
      const { text, ...found } = await gates(path);
      expect(found, path).toEqual({ axe: [], layout: [], keyboard: [], csp: [], page: [] });
      expect(text).not.toBe('');
    }
  });

  it('axe reports a button without a name', async () => {
    const { axe } = await gates('/unlabeled-button.html');
    expect(axe).toHaveLength(1);
    expect(axe[0]).toBe('button-name (critical): Buttons must have discernible text: button');
  });

  it('axe, run again in dark mode, reports text that only the dark scheme makes unreadable', async () => {
    const { page, close } = await session().open('/dark-contrast.html');
    try {
      expect(await axeViolations(page)).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(page)).toEqual([expect.stringMatching(/^color-contrast \(serious\): /)]);
    } finally {
      await close();
    }
  });

  it('an inline script and an inline style attribute are CSP violations, and the script does not run', async () => {
    const { csp, page, text } = await gates('/inline-script.html');
    expect(csp).toEqual([
      expect.stringMatching(/^style-src-attr blocked inline/),
      expect.stringMatching(/^script-src-elem blocked inline/),
    ]);
    expect(page.join('\n')).toMatch(/console error: .*Content Security Policy/);
    expect(text).not.toContain('the inline script ran');
  });

  it('a console error, an uncaught exception and a missing stylesheet are reported', async () => {
    const { page } = await gates('/script-error.html');
    expect(page).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^HTTP 404 for .*\/missing\.css$/),
        expect.stringMatching(/^console error: a deliberate console error \(.*\/throws\.js\)$/),
        'uncaught: a deliberate uncaught error',
      ]),
    );
  });

  it('the layout check reports a page that scrolls sideways and two boxes that overlap', async () => {
    const { layout } = await gates('/broken-layout.html');
    expect(layout).toEqual([
      expect.stringMatching(/^the page scrolls sideways by \d+px at 1280px wide \(div\.too-wide/),
      expect.stringMatching(/^div\.first and div\.pulled-up overlap by \d+×\d+px$/),
    ]);
  });

  it('the keyboard check reports a page whose first Tab does not reach a skip link', async () => {
    const { keyboard } = await gates('/no-skip-link.html');
    expect(keyboard).toEqual([
      expect.stringMatching(/^the first Tab focuses a \/ok\.html "The first link is in the navigation", not a skip link to #main$/),
    ]);
  });
});
