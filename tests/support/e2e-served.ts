/**
 * What a host really sends for a built site: every file of the output requested from the
 * running server, each answer held to the headers model (src/outputs/http-headers.ts). A file the
 * server's workers may not read, a wrong type or a missing security header is a problem,
 * one line each.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { responseHeaders } from '../../src/outputs/http-headers.ts';

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
