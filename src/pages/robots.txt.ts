/** /robots.txt: everything may be crawled; the sitemap lists every page. */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../build/session.ts';
import { absolute, paths } from '../model/urls.ts';

export const GET: APIRoute = async () => {
  const { site } = await getSiteModel();
  // The search index is for the search page's script, not for crawlers.
  const text = ['User-agent: *', 'Allow: /', `Disallow: ${paths.pagefind}`, '', `Sitemap: ${absolute(site.url, paths.sitemap)}`, ''].join(
    '\n',
  );
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
