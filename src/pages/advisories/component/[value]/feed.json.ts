/** /advisories/component/<slug>/feed.json: the JSON Feed 1.1 feed of one component (src/outputs/feed-scope.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteModel } from '../../../../build/session.ts';
import { feedResponse } from '../../../../outputs/feed-responses.ts';
import { componentScope, feedComponents } from '../../../../outputs/feed-scope.ts';

export const getStaticPaths = (async () =>
  feedComponents(await getSiteModel()).map((c) => ({ params: { value: c.slug }, props: { component: c } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const model = await getSiteModel();
  return feedResponse('json', model, componentScope(model, props.component));
};
