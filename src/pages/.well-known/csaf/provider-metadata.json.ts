/** CSAF provider metadata (CSAF 2.0 requirement 7, at the well-known URL of requirement 9). */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../../../build/session.ts';
import { jsonText } from '../../../outputs/common.ts';
import { providerMetadata } from '../../../outputs/csaf-provider.ts';

export const GET: APIRoute = async () =>
  new Response(jsonText(providerMetadata(await getSiteModel())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
