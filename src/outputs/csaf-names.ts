/**
 * Where a CSAF document lives. The standard (CSAF 2.0, requirements 2 and 11) names the file
 * after the lower-cased tracking id and puts it in the folder of the year of its
 * `initial_release_date`, which is the advisory's publication year in UTC. That can differ
 * from the year in the id: an id is allocated when the report arrives, which may be in the
 * year before the fix is published.
 */
import type { PublishedAdvisory } from '../model/site-model.ts';
import { absolute, paths } from '../model/urls.ts';
import { utc, type OutputContext } from './common.ts';

/** The folder year of an advisory's CSAF document. */
export const csafYear = (p: Pick<PublishedAdvisory, 'advisory'>) => utc(p.advisory.publish_at).slice(0, 4);

/** Site path of an advisory's CSAF document. */
export const csafPath = (p: Pick<PublishedAdvisory, 'id' | 'advisory'>) => paths.csaf(p.id, csafYear(p));

/** Path of the document relative to the TLP folder, as index.txt and changes.csv list it. */
export const csafRelative = (p: Pick<PublishedAdvisory, 'id' | 'advisory'>) => csafPath(p).slice(paths.csafDir.length);

export const csafUrl = (ctx: Pick<OutputContext, 'site'>, p: Pick<PublishedAdvisory, 'id' | 'advisory'>) =>
  absolute(ctx.site.url, csafPath(p));
