/**
 * The site model straight from a checked corpus, for build steps that run outside Astro's
 * pages (the bulk exports, the search index). It goes through the same projection the content
 * loader stores, `toPublicEntry`, so it holds exactly what the pages hold.
 *
 * Projecting renders every body to HTML and text, so a build does it once: the result is kept
 * per corpus object and clock, and the loader, the exports and the index share it.
 */
import type { PublicEntry } from '../schemas/public-entry.ts';
import type { Corpus } from './content.ts';
import { toPublicEntry } from './public-entry.ts';
import { assembleModel, type SiteModel } from './site-model.ts';

type Projection = { at: number; entries: PublicEntry[]; model?: SiteModel };
// On globalThis: scripts/build.ts and the Astro integrations and loader (loaded through Vite)
// hold separate instances of this module, and all of them must share one projection.
const KEY = Symbol.for('openedx-security.projections');
const projections = ((globalThis as Record<symbol, WeakMap<Corpus, Projection> | undefined>)[KEY] ??= new WeakMap());

function projectionOf(corpus: Corpus, now: Date): Projection {
  const hit = projections.get(corpus);
  if (hit && hit.at === now.getTime()) return hit;
  const fresh: Projection = { at: now.getTime(), entries: corpus.advisories.flatMap((entry) => toPublicEntry(entry, now) ?? []) };
  projections.set(corpus, fresh);
  return fresh;
}

/** The public entries of a corpus at `now`, in corpus order (what the content loader stores). */
export function publicEntries(corpus: Corpus, now: Date): readonly PublicEntry[] {
  return projectionOf(corpus, now).entries;
}

export function modelFromCorpus(corpus: Corpus, now: Date): SiteModel {
  const projection = projectionOf(corpus, now);
  projection.model ??= assembleModel(projection.entries, corpus.site, corpus.releases, now);
  return projection.model;
}
