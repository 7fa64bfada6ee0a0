/**
 * The fixture site as production serves it: built with a restrictive umask into a fresh
 * `--out` folder, then served by Debian's nginx with the committed `deploy/nginx.conf`,
 * workers running as an unprivileged user. Every built file must be served with the headers
 * of the headers model (security headers, content type, CORS), missing pages get the 404
 * page with the same security headers, and the committed host files equal what the model
 * writes today. A site under a path (https://openedx.org/security) is served the same way,
 * from the host tree a deploy publishes, with security.txt at the domain root.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishModes } from '../../src/build/file-modes.ts';
import { headersFile } from '../../src/outputs/headers-file.ts';
import { responseHeaders, siteHeaders } from '../../src/outputs/http-headers.ts';
import { nginxConfig } from '../../src/outputs/nginx-config.ts';
import { NGINX_CONF, startNginx, type NginxServer } from '../../src/deploy/nginx-server.ts';
import { paths } from '../../src/model/urls.ts';
import { FIXTURE_CLOCK } from '../fixtures/site/canaries.ts';
import { cleanEnv, PROJECT_ROOT } from '../support/build-site.ts';
import { buildOrThrow, removeTemp } from '../support/e2e-site.ts';
import { answerProblems, contentAt, fetchAll, servedPaths, serveBuild } from '../support/e2e-served.ts';
import { FIXTURE_SITE } from '../support/fixture-model.ts';

let dist: string;
let server: NginxServer;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'oex-dist-umask-'));
  // umask 077: every file and folder the build makes is private unless the build says otherwise.
  const run = spawnSync(
    'sh',
    ['-c', 'umask 077 && exec "$0" "$@"', process.execPath, 'scripts/build.ts', '--at', FIXTURE_CLOCK, '--out', dist],
    {
      cwd: PROJECT_ROOT,
      env: cleanEnv({ BUILD_AT: '', CONTENT_ROOT: FIXTURE_SITE }),
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`the build failed:\n${run.stderr.slice(-3000)}`);
  server = await startNginx(dist);
});
afterAll(async () => {
  await server?.stop();
  removeTemp(dist);
});

describe('a build served by nginx with deploy/nginx.conf', () => {
  it('leaves every file world-readable and every folder world-searchable, whatever the umask', () => {
    const wrong = [dist, ...readdirSync(dist, { recursive: true }).map((p) => join(dist, String(p)))]
      .map((p) => ({ p, mode: statSync(p).mode & 0o777, dir: statSync(p).isDirectory() }))
      .filter(({ mode, dir }) => mode !== (dir ? 0o755 : 0o644))
      .map(({ p, mode }) => `${p}: ${mode.toString(8)}`);
    expect(wrong).toEqual([]);
  });

  it('serves every built file, the search index included, with the headers of the model', async () => {
    const files = servedPaths(dist).filter((p) => p !== '/_headers');
    expect(files.filter((p) => p.startsWith(paths.pagefind)).length).toBeGreaterThan(2);
    const answers = await fetchAll(server.url, files);
    expect(answers.flatMap((a) => answerProblems(a))).toEqual([]);
    expect(server.errors()).not.toMatch(/Permission denied|forbidden/);
  });

  it('sends the security headers and the content types the feeds and exports promise', async () => {
    const get = async (path: string) => Object.fromEntries((await fetch(`${server.url}${path}`)).headers);
    const home = await get(paths.home);
    expect(home['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(home['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(home['x-content-type-options']).toBe('nosniff');
    expect(home['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(home['access-control-allow-origin']).toBeUndefined();
    const typed: Array<[string, string]> = [
      [paths.rss, 'application/rss+xml; charset=utf-8'],
      [paths.jsonFeed, 'application/feed+json'],
      [paths.calendar, 'text/calendar; charset=utf-8'],
      [paths.securityTxt, 'text/plain; charset=utf-8'],
      [paths.securityMdFile, 'text/markdown; charset=utf-8'],
      [paths.csafProviderMetadata, 'application/json'],
      [paths.osvIndex, 'application/json'],
    ];
    for (const [path, type] of typed) {
      const headers = await get(path);
      expect(headers['content-type'], path).toBe(type);
      if (path !== paths.securityMdFile) expect(headers['access-control-allow-origin'], path).toBe('*');
    }
  });

  it('answers a missing page with the 404 page and the security headers, and a folder without its slash with a redirect', async () => {
    for (const path of ['/no-such-page/', '/osv/', '/osv/OEA-1999-001.json', '/_headers']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toContain('Page not found');
      for (const [name, value] of Object.entries(siteHeaders())) expect(res.headers.get(name), `${path} ${name}`).toBe(value);
    }
    const moved = await fetch(`${server.url}/advisories`, { redirect: 'manual' });
    expect([moved.status, moved.headers.get('location')]).toEqual([301, '/advisories/']);
  });

  it('compresses text for clients that accept it', async () => {
    const res = await fetch(`${server.url}${paths.jsonFeed}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
  });
});

describe('the checks can fail', () => {
  it('a folder only its owner may enter is refused, and the error log says so', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'oex-dist-private-'));
    cpSync(dist, copy, { recursive: true });
    publishModes(copy);
    // As root nginx's workers are www-data, so 0700 shuts them out; anyone else runs them as
    // the owner, whom only 0000 shuts out.
    chmodSync(join(copy, 'osv'), process.getuid?.() === 0 ? 0o700 : 0o000);
    const private_ = await startNginx(copy);
    try {
      const [answer] = await fetchAll(private_.url, [paths.osvIndex]);
      expect(answerProblems(answer!)).toEqual([`${paths.osvIndex}: status 404, expected 200`]);
      expect(private_.errors()).toMatch(/Permission denied/);
    } finally {
      await private_.stop();
      chmodSync(join(copy, 'osv'), 0o755);
      removeTemp(copy);
    }
  });
});

describe('the host files come from the headers model', () => {
  it('deploy/nginx.conf is what `npm run deploy-config` writes (run it after changing the model)', () => {
    expect(readFileSync(NGINX_CONF, 'utf8')).toBe(nginxConfig());
  });

  it("the build's _headers is the model's, and names every header nginx sends", () => {
    const text = readFileSync(join(dist, '_headers'), 'utf8');
    expect(text).toBe(headersFile());
    for (const value of Object.values(responseHeaders(paths.jsonFeed))) expect(text).toContain(value);
  });
});

describe('a site under a path, served from its host tree', () => {
  const UNDER_PATH = 'https://openedx.org/security';
  let built: string;
  let host: Awaited<ReturnType<typeof serveBuild>>;
  beforeAll(async () => {
    // The same build pages.test.ts serves under the path (shared; serveBuild works on a copy).
    built = buildOrThrow(contentAt(FIXTURE_SITE, UNDER_PATH));
    host = await serveBuild(built, '/security/');
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('serves every file of the tree with the headers of the model, and security.txt at the domain root', async () => {
    const files = servedPaths(host.tree).filter((p) => p !== '/_headers');
    expect(files).toContain('/.well-known/security.txt');
    expect(files.filter((p) => !p.startsWith('/security/'))).toEqual(['/.well-known/security.txt']);
    const answers = await fetchAll(host.url, files);
    expect(answers.flatMap((a) => answerProblems(a, '/security/'))).toEqual([]);
    expect(host.errors()).not.toMatch(/Permission denied/);
  });

  it("the domain-root security.txt is the site's own, naming both addresses as canonical", async () => {
    const [root = '', site = ''] = await Promise.all(
      ['/.well-known/security.txt', '/security/.well-known/security.txt'].map((p) => fetch(`${host.url}${p}`).then((r) => r.text())),
    );
    expect(root).toBe(site);
    expect(root.match(/^Canonical: .*$/gm)).toEqual([
      'Canonical: https://openedx.org/.well-known/security.txt',
      'Canonical: https://openedx.org/security/.well-known/security.txt',
    ]);
    expect(root).toMatch(/^CSAF: https:\/\/openedx\.org\/security\/\.well-known\/csaf\/provider-metadata\.json$/m);
  });

  it("answers a missing page, under the path or not, with the site's 404 page", async () => {
    for (const path of ['/security/no-such-page/', '/no-such-page/', '/', '/_headers', '/security/_headers']) {
      const res = await fetch(`${host.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toMatch(/Page not found[\s\S]*href="\/security\/advisories\/"/);
    }
    const moved = await fetch(`${host.url}/security/advisories`, { redirect: 'manual' });
    expect([moved.status, moved.headers.get('location')]).toEqual([301, '/security/advisories/']);
  });
});
