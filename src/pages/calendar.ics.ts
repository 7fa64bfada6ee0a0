/** /calendar.ics: one event per pre-announced security release (src/outputs/calendar.ts). */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../build/session.ts';
import { calendarIcs } from '../outputs/calendar.ts';

export const GET: APIRoute = async () =>
  new Response(calendarIcs(await getSiteModel()), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
