/** /feed.xml: RSS 2.0 of advisories and pre-announcements (src/outputs/rss.ts). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSiteModel } from '../build/session.ts';
import { rssOptions } from '../outputs/rss.ts';

export const GET: APIRoute = async () => {
  const response = await rss(rssOptions(await getSiteModel()));
  response.headers.set('Content-Type', 'application/rss+xml; charset=utf-8');
  return response;
};
