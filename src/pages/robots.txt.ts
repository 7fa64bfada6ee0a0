/**
 * /robots.txt: everything may be crawled; the sitemap lists every page. Crawlers read it only
 * at a domain root: a site under a path needs these lines in its domain's robots.txt
 * (docs/embargo.md, "Deploying under a path").
 */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../build/session.ts';
import { absolute, hostPath, paths } from '../model/urls.ts';

export const GET: APIRoute = async () => {
  const { site } = await getSiteModel();
  // The search index is for the search page's script, not for crawlers.
  const text = [
    'User-agent: *',
    'Allow: /',
    `Disallow: ${hostPath(site.url, paths.pagefind)}`,
    '',
    `Sitemap: ${absolute(site.url, paths.sitemap)}`,
    '',
  ].join('\n');
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
