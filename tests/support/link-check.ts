/**
 * Checks every internal link of a built site, offline, the way a visitor's browser would
 * follow it: each URL in an href, src, srcset, poster or action attribute of the HTML files
 * must name a file of the output (a directory URL serves its index.html), and a #fragment
 * must name an id (or a legacy `<a name>`) in the target page. Absolute URLs on the site's
 * own origin (canonical links, share links) count as internal: a static host would 404 them
 * just the same. A site under a path (https://openedx.org/security) must link under it: a link
 * to /advisories/ from there is broken, while one to another part of its domain is someone
 * else's to keep alive.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { basePath } from '../../src/model/urls.ts';

export type BrokenLink = { page: string; url: string; problem: string };

export type LinkCheckOptions = {
  /** The site's public URL (site.yaml `url`): links to it are checked like relative ones, under its path. */
  siteUrl?: string;
};

const START_TAG = /<([a-z][a-z0-9-]*)\b([^>]*)>/gi;
const ATTRIBUTE = /\s([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
/** Attributes that make the browser fetch or navigate to a URL. */
const LINKING = new Set(['href', 'src', 'srcset', 'poster', 'action']);
/** Schemes that leave the site; they are someone else's to keep alive. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Every HTML file under `dir`, as absolute paths. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The site path a file is served at (`/advisories/index.html`). */
export const sitePath = (dist: string, file: string) => `/${relative(dist, file).split(sep).join('/')}`;

/** Each URL a page refers to, with the tag it came from, entities decoded. */
export function linksOf(html: string): Array<{ tag: string; url: string }> {
  const out: Array<{ tag: string; url: string }> = [];
  for (const [, tag, attributes] of html.matchAll(START_TAG)) {
    for (const [, name, q2, q1, bare] of attributes!.matchAll(ATTRIBUTE)) {
      if (!LINKING.has(name!.toLowerCase())) continue;
      const value = decodeEntities(q2 ?? q1 ?? bare ?? '').trim();
      // srcset is a comma-separated list of "url descriptor" candidates.
      const urls = name!.toLowerCase() === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0]!) : [value];
      for (const url of urls) if (url) out.push({ tag: tag!.toLowerCase(), url });
    }
  }
  return out;
}

/** Ids a fragment can point at: `id` on any element, `name` on `<a>` (HTML's legacy anchors). */
export function anchorsOf(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(/<[a-z][^>]*?\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi))
    ids.add(decodeEntities(m[1] ?? m[2] ?? m[3]!));
  for (const m of html.matchAll(/<a\b[^>]*?\sname\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) ids.add(decodeEntities(m[1] ?? m[2]!));
  return ids;
}

/** Resolves URLs against one built site, remembering each target page's anchors. */
export function linkResolver(dist: string, options: LinkCheckOptions = {}) {
  const site = options.siteUrl ? new URL(options.siteUrl) : undefined;
  const base = site ? basePath(site.href) : '/';
  const anchors = new Map<string, Set<string>>();
  const anchorsIn = (file: string) => {
    let set = anchors.get(file);
    if (!set) anchors.set(file, (set = anchorsOf(readFileSync(file, 'utf8'))));
    return set;
  };
  /** What is wrong with `raw` as linked from site path `from`; undefined if it resolves or leaves the site. */
  return (raw: string, from: string): string | undefined => {
    let url: URL;
    if (site && raw.startsWith(site.origin)) {
      url = new URL(raw);
      if (!url.pathname.startsWith(base)) return undefined;
    } else if (EXTERNAL.test(raw)) return undefined;
    else url = new URL(raw, `http://site${from}`);
    const path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) return `outside the site's base path ${base}`;
    let target = join(dist, path.slice(base.length - 1));
    if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
    if (!existsSync(target)) return 'no such file in the output';
    // "#" and "#top" are defined by HTML to scroll to the top; no element needed.
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && fragment.toLowerCase() !== 'top' && target.endsWith('.html') && !anchorsIn(target).has(fragment)) {
      return `no element with id "${fragment}" in ${servedPath(dist, target, base)}`;
    }
    return undefined;
  };
}

/** The path a file of the output is served at under `base` (`/security/advisories/index.html`). */
export const servedPath = (dist: string, file: string, base = '/') => `${base.slice(0, -1)}${sitePath(dist, file)}`;

export function checkLinks(dist: string, options: LinkCheckOptions = {}): BrokenLink[] {
  const resolve = linkResolver(dist, options);
  const base = options.siteUrl ? basePath(options.siteUrl) : '/';
  const broken: BrokenLink[] = [];
  for (const file of htmlFiles(dist)) {
    const page = servedPath(dist, file, base);
    for (const { url } of linksOf(readFileSync(file, 'utf8'))) {
      const problem = resolve(url, page);
      if (problem) broken.push({ page, url, problem });
    }
  }
  return broken;
}

/** The same check for URLs found elsewhere (a sitemap, a feed), named by the file they came from. */
export function checkUrls(dist: string, from: string, urls: Iterable<string>, options: LinkCheckOptions = {}): BrokenLink[] {
  const resolve = linkResolver(dist, options);
  return [...urls].flatMap((url) => {
    const problem = resolve(url, from);
    return problem ? [{ page: from, url, problem }] : [];
  });
}

/** One line per broken link, for an assertion message a reader can act on. */
export const formatBroken = (links: BrokenLink[]) => links.map((b) => `${b.page}: ${b.url}: ${b.problem}`);
