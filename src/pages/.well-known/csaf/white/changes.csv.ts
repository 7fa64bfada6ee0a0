/** CSAF changes.csv (requirement 13): document paths with their current release date, newest first. */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../../../../build/session.ts';
import { csafChangesCsv } from '../../../../outputs/csaf-provider.ts';

export const GET: APIRoute = async () =>
  new Response(csafChangesCsv(await getSiteModel()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
