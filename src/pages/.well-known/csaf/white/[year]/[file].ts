/**
 * One CSAF document per published advisory, at paths.csaf (the folder is the year of its
 * initial release), with its .sha256 and .sha512 hash files (requirement 18).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteModel } from '../../../../../lib/model.ts';
import type { PublishedAdvisory } from '../../../../../lib/site-model.ts';
import { csafPath } from '../../../../../outputs/csaf-names.ts';
import { csafHashText, csafText, HASH_ALGORITHMS, type HashAlgorithm } from '../../../../../outputs/csaf-provider.ts';

type Props = { p: PublishedAdvisory; hash?: HashAlgorithm };

export const getStaticPaths = (async () => {
  const model = await getSiteModel();
  return model.published.flatMap((p) => {
    const [year, file] = csafPath(p).split('/').slice(-2) as [string, string];
    return [
      { params: { year, file }, props: { p } },
      ...HASH_ALGORITHMS.map((hash) => ({ params: { year, file: `${file}.${hash}` }, props: { p, hash } })),
    ];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = async ({ props }) => {
  const model = await getSiteModel();
  return props.hash
    ? new Response(csafHashText(props.p, model, props.hash), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
    : new Response(csafText(props.p, model), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
