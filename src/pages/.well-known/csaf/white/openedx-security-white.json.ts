/** The CSAF ROLIE feed of TLP:WHITE documents (requirement 15); the path is paths.csafRolie. */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../../../../build/session.ts';
import { jsonText } from '../../../../outputs/common.ts';
import { rolieFeed } from '../../../../outputs/csaf-provider.ts';

export const GET: APIRoute = async () =>
  new Response(jsonText(rolieFeed(await getSiteModel())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
