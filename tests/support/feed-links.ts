/**
 * Feed autodiscovery over a built site: every `<link rel="alternate">` in a page's head must
 * name a file of the output, and that file must be what its `type` promises, since feed
 * readers subscribe to whatever the head advertises.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { basePath } from '../../src/model/urls.ts';
import { decodeEntities, htmlFiles, servedPath } from './link-check.ts';

export type FeedLink = { page: string; href: string; type: string };
export type FeedProblem = FeedLink & { problem: string };

/** What the start of each advertised feed type looks like (RSS 2.0, Atom, JSON Feed 1.x, iCalendar). */
const LOOKS_LIKE: Record<string, (text: string) => boolean> = {
  'application/rss+xml': (t) =>
    /^\s*(<\?xml[^>]*>\s*)?(<\?xml-stylesheet[^>]*>\s*)?<rss\b[^>]*version="2\.0"/.test(t) && t.includes('<channel>'),
  'application/atom+xml': (t) => /<feed\b[^>]*xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/.test(t),
  'application/feed+json': (t) => {
    try {
      return String((JSON.parse(t) as { version?: unknown }).version).startsWith('https://jsonfeed.org/version/1');
    } catch {
      return false;
    }
  },
  'text/calendar': (t) => t.startsWith('BEGIN:VCALENDAR'),
};

const attribute = (tag: string, name: string) =>
  decodeEntities(
    new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i')
      .exec(tag)
      ?.slice(1)
      .find((v) => v !== undefined) ?? '',
  );

/** The alternate links in one page's head. */
export function feedLinksOf(html: string, page: string): FeedLink[] {
  const head = /<head\b[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
  return [...head.matchAll(/<link\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => attribute(tag, 'rel').toLowerCase().split(/\s+/).includes('alternate'))
    .map((tag) => ({ page, href: attribute(tag, 'href'), type: attribute(tag, 'type').toLowerCase() }));
}

/** Every advertised feed of every page, with what is wrong with it (empty when all resolve); `siteUrl` gives the base path. */
export function checkFeedLinks(dist: string, siteUrl?: string): { links: FeedLink[]; problems: FeedProblem[] } {
  const base = siteUrl ? basePath(siteUrl) : '/';
  const links = htmlFiles(dist).flatMap((file) => feedLinksOf(readFileSync(file, 'utf8'), servedPath(dist, file, base)));
  const problems: FeedProblem[] = [];
  for (const link of links) {
    if (!link.href.startsWith(base) || link.href.startsWith('//')) {
      problems.push({ ...link, problem: `not a path under this site's ${base}` });
      continue;
    }
    const file = join(dist, decodeURIComponent(new URL(link.href, 'http://site').pathname).slice(base.length - 1));
    if (!existsSync(file) || statSync(file).isDirectory()) {
      problems.push({ ...link, problem: 'no such file in the output' });
      continue;
    }
    const looksLike = LOOKS_LIKE[link.type];
    if (!looksLike) problems.push({ ...link, problem: `unknown feed type "${link.type}"` });
    else if (!looksLike(readFileSync(file, 'utf8'))) problems.push({ ...link, problem: `the file is not ${link.type}` });
  }
  return { links, problems };
}
