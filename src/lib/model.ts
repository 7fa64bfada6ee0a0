/**
 * The site model for pages and endpoints, built once per build from the content collection.
 * Site facts and releases are read with the same validated readers `check` uses.
 */
import { getCollection } from 'astro:content';
import { resolveClock } from './clock.ts';
import { readReleases, readSite } from './content.ts';
import { contentRoot } from './content-root.ts';
import { ContentError, type Problem } from './problems.ts';
import { assembleModel, type SiteModel } from './site-model.ts';

let cached: Promise<SiteModel> | undefined;

export function getSiteModel(): Promise<SiteModel> {
  cached ??= (async () => {
    const problems: Problem[] = [];
    const root = contentRoot();
    const site = readSite(root, problems);
    const releases = readReleases(root, problems);
    if (!site || !releases) throw new ContentError(problems);
    const entries = await getCollection('advisories');
    return assembleModel(entries.map((e) => e.data), site, releases, resolveClock().now);
  })();
  return cached;
}
