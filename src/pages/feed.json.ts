/** /feed.json: JSON Feed 1.1 with the `_openedx` extension (src/outputs/json-feed.ts). */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../build/session.ts';
import { feedResponse } from '../outputs/feed-responses.ts';

export const GET: APIRoute = async () => feedResponse('json', await getSiteModel());
