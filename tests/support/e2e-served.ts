/**
 * What a host really sends for a built site: every file of the output requested from the
 * running server, each answer held to the headers model (src/outputs/http-headers.ts). A file the
 * server's workers may not read, a wrong type or a missing security header is a problem,
 * one line each.
 */
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { hostTree } from '../../src/deploy/host-tree.ts';
import { startNginx, type NginxServer } from '../../src/deploy/nginx-server.ts';
import { responseHeaders } from '../../src/outputs/http-headers.ts';
import { nginxConfig } from '../../src/outputs/nginx-config.ts';

/**
 * Serves a build as production does: at a domain root, the output with the committed
 * deploy/nginx.conf; under a path, a copy arranged as the deploy publishes it (host-tree.ts)
 * with the configuration `npm run deploy-config -- --site-url …` prints for that path.
 */
export async function serveBuild(dist: string, base = '/'): Promise<NginxServer & { base: string; tree: string }> {
  if (base === '/') return { ...(await startNginx(dist)), base, tree: dist };
  const dir = mkdtempSync(join(tmpdir(), 'oex-host-'));
  // nginx's workers (another user) must reach the tree inside.
  chmodSync(dir, 0o755);
  const copy = join(dir, 'site');
  cpSync(dist, copy, { recursive: true });
  const tree = hostTree(copy, base);
  const server = await startNginx(tree, nginxConfig({ base }));
  return {
    ...server,
    base,
    tree,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A copy of the content root `root` whose site.yaml names another URL (a site under a path). */
export function contentAt(root: string, url: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'oex-content-'));
  cpSync(join(root, 'content'), join(copy, 'content'), { recursive: true });
  const site = join(copy, 'content/site.yaml');
  const text = readFileSync(site, 'utf8');
  if (!/^url: .+$/m.test(text)) throw new Error(`${site} has no url line`);
  writeFileSync(site, text.replace(/^url: .+$/m, `url: ${url}`));
  return copy;
}

/** The request path of every file under `dir` (an index.html also by its folder's URL), under `prefix`. */
export function servedPaths(dir: string, prefix = '/'): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = `${prefix}${relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')}`;
    out.push(path);
    if (path.endsWith('/index.html')) out.push(path.slice(0, -'index.html'.length));
  }
  return out.sort();
}

export type Answer = { path: string; status: number; headers: Record<string, string> };

/** Fetches every path (8 at a time) without following redirects. */
export async function fetchAll(origin: string, paths: readonly string[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const res = await fetch(`${origin}${path}`, { redirect: 'manual' });
      await res.arrayBuffer();
      answers.push({ path, status: res.status, headers: Object.fromEntries(res.headers) });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return answers.sort((a, b) => a.path.localeCompare(b.path));
}

/** What is wrong with one answer for a file that must be served: status, then each header the model names. */
export function answerProblems({ path, status, headers }: Answer, base = '/', expectStatus = 200): string[] {
  if (status !== expectStatus) return [`${path}: status ${status}, expected ${expectStatus}`];
  const want = responseHeaders(path, base);
  const problems = Object.entries(want)
    .filter(([name, value]) => headers[name] !== value)
    .map(([name, value]) => `${path}: ${name}: ${JSON.stringify(headers[name] ?? null)}, expected ${JSON.stringify(value)}`);
  if (!want['access-control-allow-origin'] && headers['access-control-allow-origin'])
    problems.push(`${path}: unexpected access-control-allow-origin`);
  return problems;
}
