/** /calendar.ics: one event per pre-announced security release (src/outputs/calendar.ts). */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../build/session.ts';
import { feedResponse } from '../outputs/feed-responses.ts';

export const GET: APIRoute = async () => feedResponse('ics', await getSiteModel());
