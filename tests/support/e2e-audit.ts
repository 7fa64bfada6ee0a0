/**
 * What every browser test asks of a page: no console errors, no CSP violations, no axe
 * (WCAG 2.1 A/AA) violations. Violations are recorded by an init script, since a blocked
 * inline script never runs and so cannot report itself.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';

export type Audit = { consoleErrors: string[]; cspViolations: string[]; axe: string[] };

export async function watchContext(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

export function recordConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

export async function audit(page: Page, consoleErrors: string[], options: { expect404?: boolean } = {}): Promise<Audit> {
  const cspViolations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? []);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const errors = options.expect404 ? consoleErrors.filter((e) => !/404/.test(e)) : consoleErrors;
  return {
    consoleErrors: [...errors],
    cspViolations,
    axe: result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`),
  };
}
