/** /feed.xml: RSS 2.0 of advisories and pre-announcements (src/outputs/rss.ts). */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../build/session.ts';
import { feedResponse } from '../outputs/feed-responses.ts';

export const GET: APIRoute = async () => feedResponse('rss', await getSiteModel());
