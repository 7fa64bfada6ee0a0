/**
 * The built fixture site in a real Chromium, served as a static host serves it: every page
 * type passes the console, CSP and axe gates in light and dark, the skip link works from the
 * keyboard, print and phone layouts do not overflow, search finds what is published and
 * nothing embargoed, and the whole output is valid HTML with no broken internal link.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve-static.ts';
import { CANARIES, FIXTURE_CLOCK, FIXTURE_IDS } from '../fixtures/site/canaries.ts';
import { buildSite, FIXTURES, PROJECT_ROOT, readTree } from '../support/build-site.ts';
import { audit, recordConsole, watchContext } from '../support/e2e-audit.ts';

const SHOTS = join(PROJECT_ROOT, 'artifacts/screenshots');

const PAGES: Array<[string, string]> = [
  ['home', '/'],
  ['policy', '/policy/'],
  ['operators', '/operators/'],
  ['working-group', '/working-group/'],
  ['security-md', '/security-md/'],
  ['archive', '/advisories/'],
  ['archive-severity', '/advisories/severity/high/'],
  ['archive-year', '/advisories/year/2025/'],
  ['archive-release', '/advisories/release/verawood/'],
  ['advisory', `/advisories/${FIXTURE_IDS.backported}/`],
  ['advisory-withdrawn', `/advisories/${FIXTURE_IDS.withdrawn}/`],
  ['upcoming', '/upcoming/'],
  ['releases', '/releases/'],
  ['release', '/releases/verawood/'],
  ['subscribe', '/subscribe/'],
  ['figures', '/figures/'],
  ['search', '/search/'],
  ['not-found', '/no-such-page/'],
];

let dist: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const built = buildSite(join(FIXTURES, 'site'), FIXTURE_CLOCK);
  expect(built.code, built.stderr).toBe(0);
  dist = built.outDir;
  server = await serveStatic(dist);
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  await watchContext(context);
  return context;
}

describe('every page type in Chromium', () => {
  for (const [type, path] of PAGES) {
    it(`${type} (${path}): no console error, no CSP violation, no axe violation, light and dark`, async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await newContext({ colorScheme });
        const page = await context.newPage();
        const errors = recordConsole(page);
        const response = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
        expect(response?.status()).toBe(type === 'not-found' ? 404 : 200);
        const result = await audit(page, errors, { expect404: type === 'not-found' });
        expect(result, `${path} in ${colorScheme}`).toEqual({ consoleErrors: [], cspViolations: [], axe: [] });
        await page.screenshot({ path: join(SHOTS, `${type}-${colorScheme}-1280.png`), fullPage: true });
        await page.setViewportSize({ width: 390, height: 844 });
        const overflow = await page.evaluate(() => {
          const wide = [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll, pre'));
          return { by: document.documentElement.scrollWidth - window.innerWidth, culprits: wide.slice(0, 3).map((e) => e.tagName + '.' + e.className) };
        });
        expect(overflow.by, `${path} overflows a phone screen: ${JSON.stringify(overflow)}`).toBeLessThanOrEqual(1);
        await page.screenshot({ path: join(SHOTS, `${type}-${colorScheme}-390.png`), fullPage: true });
        await context.close();
      }
    });
  }

  it('the first Tab reaches the skip link, and Enter moves to the main content', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/advisories/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#main');
    expect(await page.evaluate(() => document.activeElement?.id || document.activeElement?.closest('main')?.id)).toBe('main');
    await context.close();
  });

  it('print media renders without horizontal overflow', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    for (const path of ['/', `/advisories/${FIXTURE_IDS.backported}/`, '/policy/']) {
      await page.goto(`${server.url}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
      expect(await page.locator('main').isVisible()).toBe(true);
    }
    await context.close();
  });

  it('a withdrawn advisory says so', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/advisories/${FIXTURE_IDS.withdrawn}/`);
    expect((await page.locator('main').innerText()).toLowerCase()).toContain('withdrawn');
    await context.close();
  });

  it('the SECURITY.md copy button copies the template', async () => {
    const context = await newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${server.url}/security-md/`);
    const button = page.getByRole('button', { name: /copy/i });
    await button.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('security@openedx.org');
    await context.close();
  });
});

describe('search in Chromium', () => {
  async function search(query: string): Promise<string[]> {
    const context = await newContext();
    const page = await context.newPage();
    const errors = recordConsole(page);
    await page.goto(`${server.url}/search/`, { waitUntil: 'networkidle' });
    const box = page.getByRole('searchbox').or(page.locator('input[type="text"]')).first();
    await box.fill(query);
    // Pagefind announces its result count (or "no results") once the search settles.
    await page.waitForFunction(
      () => /result/i.test(document.querySelector('.pagefind-ui__message')?.textContent ?? ''),
      undefined,
      { timeout: 20_000 },
    );
    const results = await page.locator('.pagefind-ui__result').evaluateAll((nodes) =>
      nodes.map((n) => `${n.querySelector('a')?.getAttribute('href') ?? ''} ${n.textContent ?? ''}`),
    );
    expect(errors).toEqual([]);
    await context.close();
    return results;
  }

  it('finds a published advisory by a word of its title', async () => {
    const results = await search('grade reports');
    expect(results.join('\n')).toMatch(/grade reports/i);
    expect(results.join('\n')).toContain(`/advisories/${FIXTURE_IDS.backported}/`);
  });

  it('returns nothing for any canary of an announced, hidden or draft advisory', async () => {
    const words = [CANARIES.announced, CANARIES.hidden, CANARIES.draft].flatMap((c) => [...c.words, ...c.names.map((n) => n.split(' ').at(-1)!)]);
    expect(words.length).toBeGreaterThan(3);
    const embargoed = [CANARIES.announced.id, CANARIES.hidden.id, CANARIES.draft.id];
    for (const word of words) {
      // Pagefind may return loosely matching public pages; none may show the word or link to an embargoed advisory.
      for (const result of await search(word)) {
        expect(result.toLowerCase(), word).not.toContain(word.toLowerCase());
        for (const id of embargoed) expect(result, word).not.toContain(id);
      }
    }
  });

  it('the search box is reachable from the keyboard', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/search/`, { waitUntil: 'networkidle' });
    let reached = false;
    for (let i = 0; i < 25 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement instanceof HTMLInputElement);
    }
    expect(reached).toBe(true);
    await context.close();
  });
});

describe('the whole built site', () => {
  it('every HTML file is valid', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Astro writes attribute values and void elements its own way; both are valid HTML.
        'attribute-boolean-style': 'off',
        'void-style': 'off',
        // Long inline SVG charts and tables are fine; formatting is not validity.
        'no-inline-style': 'off',
        'long-title': 'off',
      },
    });
    const problems: string[] = [];
    for (const [path, text] of readTree(dist)) {
      if (!path.endsWith('.html')) continue;
      const report = await validator.validateString(text, path);
      for (const r of report.results) for (const m of r.messages) if (m.severity === 2) problems.push(`${path}:${m.line}: ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('no internal link or anchor is broken', () => {
    expect(checkLinks(dist)).toEqual([]);
  });

  it('every feed named in a page head resolves', () => {
    const tree = readTree(dist);
    const feeds = new Set<string>();
    for (const [path, text] of tree) {
      if (!path.endsWith('.html')) continue;
      for (const m of text.matchAll(/<link[^>]+rel="alternate"[^>]*href="([^"]+)"/g)) feeds.add(m[1]!);
    }
    expect([...feeds].sort()).toEqual(['/feed.json', '/feed.xml']);
    for (const f of feeds) expect(tree.has(f.slice(1)), f).toBe(true);
  });
});
