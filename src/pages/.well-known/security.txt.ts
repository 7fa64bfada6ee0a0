/** /.well-known/security.txt (RFC 9116), from site.yaml and the build clock (src/outputs/security-txt.ts). */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../../build/session.ts';
import { securityTxt } from '../../outputs/security-txt.ts';

export const GET: APIRoute = async () =>
  new Response(securityTxt(await getSiteModel()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
