/**
 * Page weight of a built site, as a visitor's browser would download it: for a sample page
 * of each type, the gzip bytes of its HTML, of the stylesheets it links and of the scripts
 * it loads. Files Pagefind already compresses count as they are.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export type PageWeight = { type: string; path: string; html: number; css: number; js: number };

const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

function assetsOf(html: string): { css: string[]; js: string[] } {
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const js = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  // Module scripts import other chunks; count those too.
  return { css, js };
}

function jsClosure(dist: string, entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const file = join(dist, entry);
  if (!existsSync(file)) return [entry];
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+|\/[^"']+)["']/g)) {
    const target = new URL(m[1]!, `http://x${entry}`).pathname;
    jsClosure(dist, target, seen);
  }
  return [...seen];
}

export function weighPage(dist: string, type: string, path: string): PageWeight {
  const htmlFile = join(dist, path, path.endsWith('.html') ? '' : 'index.html');
  const html = readFileSync(htmlFile);
  const { css, js } = assetsOf(html.toString('utf8'));
  const size = (p: string) => (existsSync(join(dist, p)) ? gz(readFileSync(join(dist, p))) : 0);
  const scripts = new Set(js.flatMap((s) => jsClosure(dist, s)));
  // Astro inlines small scripts; they are JavaScript the page ships even though no file is loaded.
  const inline = [...html.toString('utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1]!)
    .filter((code) => code.trim() !== '');
  return {
    type,
    path,
    html: gz(html),
    css: css.reduce((n, p) => n + size(p), 0),
    js: [...scripts].reduce((n, p) => n + size(p), 0) + (inline.length ? gz(Buffer.from(inline.join('\n'))) : 0),
  };
}

/** One representative page per type that exists in this build. */
export function samplePages(dist: string): Array<[string, string]> {
  const first = (dir: string) => {
    const full = join(dist, dir);
    if (!existsSync(full)) return undefined;
    const name = readdirSync(full)
      .sort()
      .find((n) => existsSync(join(full, n, 'index.html')) && n !== 'page');
    return name ? `/${dir}/${name}/` : undefined;
  };
  const candidates: Array<[string, string | undefined]> = [
    ['home', '/'],
    ['advisory', first('advisories')],
    ['archive', '/advisories/'],
    ['archive page 2', '/advisories/page/2/'],
    ['upcoming', '/upcoming/'],
    ['named release', first('releases')],
    ['policy', '/policy/'],
    ['operators', '/operators/'],
    ['working group', '/working-group/'],
    ['SECURITY.md', '/security-md/'],
    ['subscribe', '/subscribe/'],
    ['search', '/search/'],
  ];
  return candidates.filter((c): c is [string, string] => !!c[1] && existsSync(join(dist, c[1], 'index.html')));
}
