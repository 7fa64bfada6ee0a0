/** /SECURITY.md: the raw template, from the same generator as the page and the CLI. */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../build/session.ts';
import { securityMd } from '../outputs/security-md.ts';

export const GET: APIRoute = async () => {
  const { site, releases } = await getSiteModel();
  return new Response(securityMd({ site, releases }), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
