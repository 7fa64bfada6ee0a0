/**
 * Bytes a visitor downloads to run a first search: load the search page in a real browser,
 * type a query, wait for results, and add up every response (text gzip-compressed as a host
 * would serve it; Pagefind's files are already compressed and count as they are). The page
 * is served by nginx with the repository's configuration, as in production.
 */
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../tests/support/browser.ts';
import { startNginx } from '../../src/deploy/nginx-server.ts';

export type SearchWeight = { query: string; requests: number; bytes: number; results: number };

const COMPRESSIBLE = /text\/|javascript|json|svg|xml/;

export async function weighFirstSearch(dist: string, query: string): Promise<SearchWeight> {
  const server = await startNginx(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    let bytes = 0;
    let requests = 0;
    const pending: Promise<void>[] = [];
    page.on('response', (res) => {
      pending.push(
        res.body().then(
          (body) => {
            requests++;
            const type = res.headers()['content-type'] ?? '';
            bytes += COMPRESSIBLE.test(type) ? gzipSync(body).length : body.length;
          },
          () => undefined,
        ),
      );
    });
    await page.goto(`${server.url}/search/`, { waitUntil: 'networkidle' });
    const box = page.locator('input[type="search"]').first();
    await box.fill(query);
    await page.waitForSelector('.search-result-link', { timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    const results = await page.locator('.search-result-link').count();
    await Promise.all(pending);
    return { query, requests, bytes, results };
  } finally {
    await browser.close();
    await server.stop();
  }
}
