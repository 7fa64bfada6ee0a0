/**
 * Bytes a visitor downloads to run a first search: load the search page in a real browser,
 * type a query, wait for results, and add up every response (text gzip-compressed as a host
 * would serve it; Pagefind's index files and engine are gzip already and count as they are).
 * The page is served by nginx with the repository's configuration, as in production. Each
 * file is listed too, in the order it arrived.
 */
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../tests/support/browser.ts';
import { startNginx } from '../../src/deploy/nginx-server.ts';

export type SearchWeight = {
  query: string;
  requests: number;
  bytes: number;
  results: number;
  files: Array<{ path: string; bytes: number }>;
};

const COMPRESSIBLE = /text\/|javascript|json|svg|xml/;

export async function weighFirstSearch(dist: string, query: string): Promise<SearchWeight> {
  const server = await startNginx(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const files: SearchWeight['files'] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (res) => {
      pending.push(
        res.body().then(
          (body) => {
            const type = res.headers()['content-type'] ?? '';
            files.push({ path: new URL(res.url()).pathname, bytes: COMPRESSIBLE.test(type) ? gzipSync(body).length : body.length });
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
    return { query, requests: files.length, bytes: files.reduce((n, f) => n + f.bytes, 0), results, files };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The files of a first search grouped as the report shows them: Pagefind's chunks of one kind together, hashes left out. */
export function groupFiles(files: SearchWeight['files']): Array<{ what: string; count: number; bytes: number }> {
  const groups = new Map<string, { what: string; count: number; bytes: number }>();
  for (const f of files) {
    const what = f.path.replace(/\/(fragment|index|filter)\/[^/]+$/, '/$1/*').replace(/[._][0-9a-f]{7,}\./, '.*.');
    const g = groups.get(what) ?? { what, count: 0, bytes: 0 };
    g.count++;
    g.bytes += f.bytes;
    groups.set(what, g);
  }
  return [...groups.values()];
}
