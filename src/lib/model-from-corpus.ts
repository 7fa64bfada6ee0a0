/**
 * The site model straight from a checked corpus, for build steps that run outside Astro's
 * pages (the bulk exports). It goes through the same projection the content loader stores,
 * `toPublicEntry`, so it holds exactly what the pages hold.
 */
import type { Corpus } from './content.ts';
import { toPublicEntry } from './public-entry.ts';
import { assembleModel, type SiteModel } from './site-model.ts';

export function modelFromCorpus(corpus: Corpus, now: Date): SiteModel {
  const entries = corpus.advisories.flatMap((entry) => toPublicEntry(entry, now) ?? []);
  return assembleModel(entries, corpus.site, corpus.releases, now);
}
