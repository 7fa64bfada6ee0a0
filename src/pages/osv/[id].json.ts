/** /osv/<site id>.json: one OSV record per published or withdrawn advisory (src/outputs/osv.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteModel } from '../../lib/model.ts';
import type { PublishedAdvisory } from '../../lib/site-model.ts';
import { jsonText } from '../../outputs/common.ts';
import { osvRecord } from '../../outputs/osv.ts';

export const getStaticPaths = (async () => {
  const model = await getSiteModel();
  return model.published.map((p) => ({ params: { id: p.id }, props: { p } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ p: PublishedAdvisory }> = async ({ props }) =>
  new Response(jsonText(osvRecord(props.p, await getSiteModel())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
