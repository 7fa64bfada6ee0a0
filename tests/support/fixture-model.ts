/**
 * The site model of a content folder at a clock, assembled the way the build does (read,
 * validate, state time, visibility gate, model) but without Astro, for unit tests of page logic.
 */
import { join } from 'node:path';
import { readCorpus } from '../../src/content/read-content.ts';
import { siteAt, type SiteModel } from '../../src/model/site-model.ts';
import { FIXTURE_CLOCK } from '../fixtures/site/canaries.ts';
import { FIXTURES } from './build-site.ts';

export const FIXTURE_SITE = join(FIXTURES, 'site');

export function modelOf(root: string, at: string): SiteModel {
  const { corpus, problems } = readCorpus(root);
  if (!corpus) throw new Error(`fixture content is invalid:\n${problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n')}`);
  return siteAt(corpus, new Date(at)).model;
}

/** The fixture site's model at its clock. */
export const fixtureModel = () => modelOf(FIXTURE_SITE, FIXTURE_CLOCK);
