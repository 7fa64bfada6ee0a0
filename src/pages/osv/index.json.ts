/** /osv/index.json: every OSV record with its modified date, for mirrors (src/outputs/osv.ts). */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../../build/session.ts';
import { jsonText } from '../../outputs/common.ts';
import { osvIndex } from '../../outputs/osv.ts';

export const GET: APIRoute = async () =>
  new Response(jsonText(osvIndex(await getSiteModel())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
