/**
 * What the site says about itself whatever the clock: its facts (`site.yaml`: members, contacts),
 * its named releases and its prose pages. A string found here is public, even when an
 * embargoed advisory also holds it (a working-group member credited as the fixer, say), so
 * the leak scan must not count it as a secret.
 */
import type { Corpus } from '../content/read-content.ts';
import { loadSiteProse, PROSE_SLUGS } from './site-prose.ts';

export function siteText(corpus: Pick<Corpus, 'site' | 'releases'>): string[] {
  const prose = PROSE_SLUGS.map((slug) => {
    const page = loadSiteProse(slug, corpus.site);
    return [page.data.title, page.data.description, page.text].join('\n');
  });
  return [JSON.stringify(corpus.site), JSON.stringify(corpus.releases), ...prose];
}
