/**
 * Checks every internal link of a built site: href and src of a, link, script and img in
 * each HTML file must resolve to a file (a directory URL to its index.html), and a #fragment
 * must name an id in the target page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export type BrokenLink = { page: string; url: string; problem: string };

const LINK = /<(?:a|link|script|img)\b[^>]*?\s(?:href|src)="([^"]*)"/g;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

export function checkLinks(dist: string): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]!)));
      ids.set(file, set);
    }
    return set;
  };
  for (const file of htmlFiles(dist)) {
    const page = `/${relative(dist, file).split(sep).join('/')}`;
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(LINK)) {
      const raw = decode(m[1]!);
      if (/^(https?:|mailto:|webcal:|data:|tel:)/i.test(raw) || raw.startsWith('//')) continue;
      const url = new URL(raw, `http://site${page}`);
      let target = join(dist, decodeURIComponent(url.pathname));
      if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
      if (!existsSync(target)) {
        broken.push({ page, url: raw, problem: 'no such file' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) {
        broken.push({ page, url: raw, problem: `no element with id "${fragment}"` });
      }
    }
  }
  return broken;
}
