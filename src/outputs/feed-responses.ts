/**
 * The HTTP responses of the feed endpoints, one function per format, for the site's feeds and
 * for every scope's (src/pages/feed.xml.ts, src/pages/releases/[name]/feed.xml.ts, …), so the
 * endpoints stay one line each and every feed is served with the same type.
 */
import rss from '@astrojs/rss';
import type { SiteModel } from '../model/site-model.ts';
import type { FeedFormat } from '../model/urls.ts';
import { calendarIcs } from './calendar.ts';
import { jsonText } from './common.ts';
import type { FeedScope } from './feed-scope.ts';
import { JSON_FEED_TYPE, jsonFeed } from './json-feed.ts';
import { rssOptions } from './rss.ts';

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  json: JSON_FEED_TYPE,
  ics: 'text/calendar',
};

export async function feedResponse(format: FeedFormat, model: SiteModel, scope?: FeedScope): Promise<Response> {
  const headers = { 'Content-Type': `${FEED_TYPES[format]}; charset=utf-8` };
  if (format === 'json') return new Response(jsonText(jsonFeed(model, scope)), { headers });
  if (format === 'ics') return new Response(calendarIcs(model, scope), { headers });
  const response = await rss(rssOptions(model, scope));
  response.headers.set('Content-Type', headers['Content-Type']);
  return response;
}
