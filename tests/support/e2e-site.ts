/**
 * One browser-test session: the real production build of a content root, served by nginx
 * with the repository's configuration (deploy/nginx.conf: directory URLs, 404.html, the
 * headers of the headers model), and the system Chromium; at the domain root, or under a
 * base path as a site at https://openedx.org/security is served. Each e2e test file starts
 * one with `useSession` and reuses it for every test.
 *
 * Without a browser the tests fail with NO_BROWSER (CI installs Chromium, so a silent skip
 * would hide a broken CI). E2E_SKIP_NO_BROWSER=1 turns that into a skip, for machines that
 * cannot install one.
 *
 * A failed build or launch fails every test that uses the session (`useSession`), not just
 * the hook: Vitest counts a failed `beforeAll` as skipped tests, and the run's
 * `N passed, N failed` line would then read as a pass.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { findChromium, launchChromium } from './browser.ts';
import type { NginxServer } from '../../src/deploy/nginx-server.ts';
import { underBase } from '../../src/outputs/http-headers.ts';
import { FIXTURE_CLOCK } from '../fixtures/site/canaries.ts';
import { FIXTURES, PROJECT_ROOT } from './build-site.ts';
import { sharedBuild } from './shared-build.ts';
import { watchContext, watchPage, type PageWatch } from './e2e-audit.ts';
import { serveBuild } from './e2e-served.ts';

export const FIXTURE_SITE = join(FIXTURES, 'site');
export const SCREENSHOTS = join(PROJECT_ROOT, 'artifacts/screenshots');
export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** True when browser tests should be skipped rather than fail (see the header). */
export const SKIP_WITHOUT_BROWSER = process.env.E2E_SKIP_NO_BROWSER === '1' && !findChromium();

/**
 * The build of `contentRoot` at `at` (the fixture site at its clock by default), shared with
 * every test file that asks for the same (shared-build.ts); throws with the build's output on
 * failure.
 */
export function buildOrThrow(contentRoot = FIXTURE_SITE, at = FIXTURE_CLOCK): string {
  const built = sharedBuild(contentRoot, at);
  if (built.code !== 0)
    throw new Error(`the build of ${contentRoot} failed (exit ${built.code}):\n${built.stderr.slice(-4000)}\n${built.stdout.slice(-2000)}`);
  return built.outDir;
}

/** Removes a build or content folder a test made in the temp directory (and nothing else: not a shared build). */
export function removeTemp(dir: string | undefined): void {
  if (dir && dirname(dir) === tmpdir() && basename(dir).startsWith('oex-')) rmSync(dir, { recursive: true, force: true });
}

export type E2ESession = {
  dist: string;
  server: NginxServer;
  /** The base path the site is served under ("/", or "/security/" for a site under a path). */
  base: string;
  /** The address of a route (`paths.…`) on the server, under the base path. */
  url: (route: string) => string;
  browser: Browser;
  /** A fresh context (desktop size unless overridden) with the CSP listener installed. */
  context: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** Opens a path in a fresh context and starts recording its problems. */
  open: (
    path: string,
    options?: BrowserContextOptions & { expectStatus?: number },
  ) => Promise<{ page: Page; watch: PageWatch; status: number | undefined; close: () => Promise<void> }>;
  close: () => Promise<void>;
};

/**
 * Serves `dist` under `base` and launches Chromium. The build must happen before this (it
 * runs in a synchronous child process, which would hold up everything else meanwhile).
 */
export async function startSession(dist: string, base = '/'): Promise<E2ESession> {
  const server = await serveBuild(dist, base);
  const url = (route: string) => `${server.url}${underBase(base, route)}`;
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.stop();
    throw error;
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const context = async (options: BrowserContextOptions = {}) => {
    const c = await browser.newContext({ viewport: { ...DESKTOP }, ...options });
    await watchContext(c);
    return c;
  };
  return {
    dist,
    server,
    base,
    url,
    browser,
    context,
    async open(path, { expectStatus = 200, ...options } = {}) {
      const c = await context(options);
      const page = await c.newPage();
      const watch = watchPage(page, { expectStatus });
      const response = await page.goto(url(path), { waitUntil: 'load' });
      return { page, watch, status: response?.status(), close: () => c.close() };
    },
    async close() {
      try {
        await browser.close();
      } finally {
        await server.stop();
      }
    },
  };
}

/**
 * Registers hooks that build (via `makeDist`, which may return an existing folder) and start
 * a session before the tests of the enclosing describe, and close it after. Returns the
 * getter each test calls: it throws the build or launch error, so every test reports it.
 */
export function useSession(makeDist: () => string, options: { keep?: boolean; base?: string } = {}): () => E2ESession {
  let session: E2ESession | undefined;
  let failure: unknown;
  let dist: string | undefined;
  beforeAll(async () => {
    try {
      dist = makeDist();
      session = await startSession(dist, options.base);
    } catch (error) {
      failure = error;
    }
  });
  afterAll(async () => {
    await session?.close();
    if (!options.keep) removeTemp(dist);
  });
  return () => {
    if (session) return session;
    throw failure instanceof Error ? failure : new Error(`the browser session did not start: ${String(failure)}`);
  };
}

/** `artifacts/screenshots/<type>-<scheme>-<width>.png`, the whole page. */
export async function screenshot(page: Page, type: string, scheme: 'light' | 'dark'): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: join(SCREENSHOTS, `${type}-${scheme}-${width}.png`), fullPage: true });
}
