/**
 * One CSAF document per published advisory, at paths.csaf (the folder is the year of its
 * initial release), with its .sha512 hash file (requirement 18). A production
 * build writes these in bulk (src/build/bulk-exports.ts); this route serves the same
 * bytes in the dev server.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteModel } from '../../../../../build/session.ts';
import { perAdvisoryFiles } from '../../../../../outputs/per-advisory-files.ts';

export const getStaticPaths = (async () => {
  if (import.meta.env.PROD) return [];
  const model = await getSiteModel();
  return model.published.flatMap((p) =>
    perAdvisoryFiles(p, model)
      .filter((f) => f.path.startsWith('/.well-known/csaf/'))
      .map((f) => {
        const [year, file] = f.path.split('/').slice(-2) as [string, string];
        return { params: { year, file }, props: { text: f.text, json: file.endsWith('.json') } };
      }),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ text: () => string; json: boolean }> = ({ props }) =>
  new Response(props.text(), { headers: { 'Content-Type': props.json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8' } });
