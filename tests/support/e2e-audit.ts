/**
 * The gates every browser test holds a page to, each a function that returns what is wrong
 * (an empty list when nothing is), so the same code runs against the real site and against
 * the deliberately broken pages of `tests/e2e/gates.test.ts`:
 * - console errors, uncaught exceptions and failed requests (`watchPage`);
 * - CSP violations (`watchContext` + `cspViolations`), recorded by an init script because a
 *   blocked inline script never runs and so cannot report itself;
 * - axe-core's WCAG 2.1 A and AA rules (`axeViolations`);
 * - layout: horizontal overflow, overlapping boxes, a visible main (`layoutProblems`);
 * - the keyboard path to the content: first Tab on the skip link, Enter into #main (`skipLinkProblems`).
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Must run before any page of the context loads, so the listener sees the first violation. */
export async function watchContext(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'document'}:${e.lineNumber})`),
    );
  });
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? ['the CSP listener did not run (watchContext missing?)']);
}

export type PageWatch = { problems: () => string[] };

/**
 * Records console errors (Chromium logs CSP refusals there too), uncaught exceptions and
 * every response of 400 or more. `expectStatus` allows the page's own document a status
 * (the 404 page) without letting its subresources fail.
 */
export function watchPage(page: Page, options: { expectStatus?: number } = {}): PageWatch {
  const problems: string[] = [];
  const documentUrls = new Set<string>();
  page.on('response', (r) => {
    if (r.request().isNavigationRequest() && r.status() === options.expectStatus) documentUrls.add(r.url());
    else if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    const expected = documentUrls.has(m.location().url) && /status of \d+/.test(m.text());
    if (!expected && (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())))
      problems.push(`console ${m.type()}: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`);
  });
  return { problems: () => [...problems] };
}

export async function axeViolations(page: Page): Promise<string[]> {
  // Without frames, axe.run in the page itself ("legacy mode") tests exactly what the default
  // does (runPartial in each frame, then finishRun in an extra blank page), at about a third
  // less CPU per call. A page with a frame gets the default, which also reaches other origins.
  const legacy = page.frames().length === 1;
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(legacy).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`,
  );
}

/**
 * What a reader would see as broken layout at the current viewport and media:
 * - the page scrolls sideways (naming the elements that stick out, unless a scrolling box
 *   such as a wide table's wrapper holds them);
 * - two block-level siblings overlap (normal flow, flex and grid never do that on purpose;
 *   floats and positioned elements are left out, they overlap by design);
 * - `main` is missing, hidden or empty.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`;
    const clipped = (e: Element) => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return true;
      }
      return false;
    };
    const shown = (e: Element) => {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };

    const overflow = document.documentElement.scrollWidth - width;
    if (overflow > 1) {
      const wide = [...document.body.querySelectorAll('*')]
        .filter((e) => shown(e) && e.getBoundingClientRect().right > width + 1 && !clipped(e))
        .slice(0, 4)
        .map(name);
      problems.push(`the page scrolls sideways by ${overflow}px at ${width}px wide (${wide.join(', ') || 'no single element found'})`);
    }

    const flowing = (e: Element) => {
      const s = getComputedStyle(e);
      return (
        shown(e) &&
        s.position !== 'absolute' &&
        s.position !== 'fixed' &&
        s.float === 'none' &&
        /^(block|flex|grid|table|list-item|flow-root)$/.test(s.display)
      );
    };
    for (const parent of [document.body, ...document.body.querySelectorAll('*')]) {
      const kids = [...parent.children].filter(flowing);
      for (let i = 0; i < kids.length; i++) {
        for (let j = i + 1; j < kids.length; j++) {
          const a = kids[i]!.getBoundingClientRect();
          const b = kids[j]!.getBoundingClientRect();
          const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (x > 1 && y > 1) problems.push(`${name(kids[i]!)} and ${name(kids[j]!)} overlap by ${Math.round(x)}×${Math.round(y)}px`);
        }
      }
    }

    const main = document.querySelector('main');
    if (!main) problems.push('no <main> element');
    else if (!shown(main) || (main as HTMLElement).innerText.trim() === '') problems.push('<main> is not visible or has no text');
    return problems;
  });
}

/**
 * Keyboard users skip the header: the first Tab from a fresh page must focus a visible link
 * to #main, and following it must move focus into the main landmark. Leaves focus in main.
 */
export async function skipLinkProblems(page: Page): Promise<string[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const a = document.activeElement;
    const r = a?.getBoundingClientRect();
    return {
      tag: a?.tagName.toLowerCase(),
      href: a?.getAttribute('href'),
      text: (a as HTMLElement | null)?.innerText.trim(),
      onScreen: !!r && r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
    };
  });
  if (first.tag !== 'a' || first.href !== '#main')
    return [`the first Tab focuses ${first.tag ?? 'nothing'} ${first.href ?? ''} "${first.text ?? ''}", not a skip link to #main`];
  const problems = first.onScreen ? [] : ['the focused skip link is not visible on screen'];
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => {
    const a = document.activeElement;
    return a?.closest('main') ? 'main' : `${a?.tagName.toLowerCase()}#${a?.id}`;
  });
  if (focused !== 'main') problems.push(`Enter on the skip link leaves focus on ${focused}, not in <main id="main">`);
  return problems;
}

/** Presses Tab until `selector` has focus; false if it is not reached in `max` presses. */
export async function tabTo(page: Page, selector: string, max = 40): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
  }
  return false;
}
