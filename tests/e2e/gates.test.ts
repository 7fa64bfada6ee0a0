/**
 * The browser and site gates must be able to fail: each is pointed at a small page with the
 * one fault it exists to catch.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve-static.ts';
import { audit, recordConsole, watchContext } from '../support/e2e-audit.ts';

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gate</title>${head}</head><body><main id="main"><h1>Gate</h1>${body}</main></body></html>`;

const dir = mkdtempSync(join(tmpdir(), 'oex-gates-'));
mkdirSync(join(dir, 'ok'));
writeFileSync(join(dir, 'ok/index.html'), page('<p id="here">fine</p>'));
writeFileSync(join(dir, 'links.html'), page('<a href="/missing/">gone</a> <a href="/ok/#nowhere">no anchor</a> <a href="/ok/#here">fine</a>'));
writeFileSync(join(dir, 'button.html'), page('<button></button>'));
writeFileSync(join(dir, 'inline.html'), page('<script>document.title = "ran"</script>', `<meta http-equiv="Content-Security-Policy" content="script-src 'self'">`));

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveStatic(dir);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function auditPage(path: string) {
  const context = await browser.newContext();
  await watchContext(context);
  const p = await context.newPage();
  const errors = recordConsole(p);
  await p.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  const result = await audit(p, errors);
  await context.close();
  return result;
}

describe('gates catch what they exist for', () => {
  it('the link checker reports a missing page and a missing anchor', () => {
    const broken = checkLinks(dir).map((b) => `${b.page} ${b.url} ${b.problem}`);
    expect(broken).toEqual(['/links.html /missing/ no such file', '/links.html /ok/#nowhere no element with id "nowhere"']);
  });

  it('axe reports a button without a name', async () => {
    expect((await auditPage('/button.html')).axe.join('\n')).toMatch(/button-name/);
  });

  it('an inline script under the CSP is recorded as a violation', async () => {
    const result = await auditPage('/inline.html');
    expect(result.cspViolations.length + result.consoleErrors.length).toBeGreaterThan(0);
  });

  it('html-validate reports invalid HTML', async () => {
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(page('<p><div>block in a paragraph</p>'), 'bad.html');
    expect(report.valid).toBe(false);
  });

  it('a clean page passes every gate', async () => {
    expect(await auditPage('/ok/')).toEqual({ consoleErrors: [], cspViolations: [], axe: [] });
  });
});
