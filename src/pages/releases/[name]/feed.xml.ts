/** /releases/<name>/feed.xml: the RSS 2.0 feed of one named release (src/outputs/feed-scope.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteModel } from '../../../build/session.ts';
import { feedResponse } from '../../../outputs/feed-responses.ts';
import { releaseScope } from '../../../outputs/feed-scope.ts';

export const getStaticPaths = (async () =>
  (await getSiteModel()).releases.map((r) => ({ params: { name: r.name }, props: { release: r } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const model = await getSiteModel();
  return feedResponse('rss', model, releaseScope(model, props.release));
};
