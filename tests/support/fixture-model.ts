/**
 * The site model of a content folder at a clock, assembled the way the build does (read,
 * validate, visibility gate, model) but without Astro, for unit tests of page logic.
 */
import { join } from 'node:path';
import { readCorpus } from '../../src/lib/content.ts';
import { toPublicEntry } from '../../src/lib/public-entry.ts';
import { assembleModel, type SiteModel } from '../../src/lib/site-model.ts';
import { FIXTURE_CLOCK } from '../fixtures/site/canaries.ts';
import { FIXTURES } from './build-site.ts';

export const FIXTURE_SITE = join(FIXTURES, 'site');

export function modelOf(root: string, at: string): SiteModel {
  const { corpus, problems } = readCorpus(root);
  if (!corpus) throw new Error(`fixture content is invalid:\n${problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n')}`);
  const now = new Date(at);
  const entries = corpus.advisories.flatMap((e) => toPublicEntry(e, now) ?? []);
  return assembleModel(entries, corpus.site, corpus.releases, now);
}

/** The fixture site's model at its clock. */
export const fixtureModel = () => modelOf(FIXTURE_SITE, FIXTURE_CLOCK);
