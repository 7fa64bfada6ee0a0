/** CSAF index.txt (requirement 12): every TLP:WHITE document path. */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../../../../build/session.ts';
import { csafIndexTxt } from '../../../../outputs/csaf-provider.ts';

export const GET: APIRoute = async () =>
  new Response(csafIndexTxt(await getSiteModel()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
