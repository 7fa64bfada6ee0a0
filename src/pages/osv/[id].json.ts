/**
 * /osv/<site id>.json: one OSV record per published or withdrawn advisory. A production build
 * writes these in bulk (src/build/bulk-exports.ts); this route serves the same bytes in
 * the dev server.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteModel } from '../../build/session.ts';
import { perAdvisoryFiles } from '../../outputs/per-advisory-files.ts';
import { paths } from '../../model/urls.ts';

export const getStaticPaths = (async () => {
  if (import.meta.env.PROD) return [];
  const model = await getSiteModel();
  return model.published.map((p) => ({
    params: { id: p.id },
    props: { text: perAdvisoryFiles(p, model).find((f) => f.path === paths.osv(p.id))!.text },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ text: () => string }> = ({ props }) =>
  new Response(props.text(), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
