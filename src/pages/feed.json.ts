/** /feed.json: JSON Feed 1.1 with the `_openedx` extension (src/outputs/json-feed.ts). */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../build/session.ts';
import { jsonText } from '../outputs/common.ts';
import { JSON_FEED_TYPE, jsonFeed } from '../outputs/json-feed.ts';

export const GET: APIRoute = async () =>
  new Response(jsonText(jsonFeed(await getSiteModel())), { headers: { 'Content-Type': `${JSON_FEED_TYPE}; charset=utf-8` } });
