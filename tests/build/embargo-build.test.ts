/**
 * The embargo through real production builds: generated advisories with a canary word in
 * every field, built at a clock, then every output byte (decompressed, search index included)
 * is searched for the canaries of what must stay secret, and for the presence of what is due.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibilityOf } from '../../src/embargo/visibility.ts';
import { parseAdvisory } from '../../src/content/read-content.ts';
import { arbitraryCorpus, type GeneratedAdvisory } from '../support/arbitrary-advisory.ts';
import { buildSite, makeBareContentRoot, readTree } from '../support/build-site.ts';

const CLOCK = '2026-11-25T12:00:00Z';
const CLOCK_MS = Date.parse(CLOCK);

function phaseOf(g: GeneratedAdvisory) {
  const { entry } = parseAdvisory(`content/${g.file}`, g.text, [{ name: 'verawood' } as never]);
  return visibilityOf(entry!.data, new Date(CLOCK_MS));
}

function assertEmbargoHolds(corpus: GeneratedAdvisory[]) {
  const root = makeBareContentRoot(Object.fromEntries(corpus.map((g) => [g.file, g.text])));
  const result = buildSite(root, CLOCK);
  expect(result.code, result.stderr + result.stdout.slice(-3000)).toBe(0);
  const tree = readTree(result.outDir);
  const everything = [...tree.entries()]
    .map(([path, text]) => `${path}\n${text}`)
    .join('\n')
    .toLowerCase();
  const search = [...tree.entries()]
    .filter(([p]) => p.startsWith('pagefind/fragment/'))
    .map(([, t]) => t)
    .join('\n');
  const feeds = ['feed.xml', 'feed.json'].filter((f) => tree.has(f)).map((f) => tree.get(f)!);
  const upcoming = tree.get('upcoming/index.html') ?? '';

  for (const g of corpus) {
    const c = g.canaries;
    const secret = [c.title, c.summary, c.body, c.alias, c.reference, c.credit, c.cwe];
    const phase = phaseOf(g);
    if (phase === 'hidden') {
      for (const word of [...secret, c.noticeText, g.id])
        expect(everything, `${g.id} (hidden) leaked ${word}`).not.toContain(word.toLowerCase());
    } else if (phase === 'announced') {
      for (const word of secret) expect(everything, `${g.id} (announced) leaked ${word}`).not.toContain(word.toLowerCase());
      expect(tree.has(`advisories/${g.id}/index.html`)).toBe(false);
      if (tree.has('upcoming/index.html')) expect(upcoming, `${g.id} missing from /upcoming/`).toContain(g.id);
    } else {
      expect(tree.get(`advisories/${g.id}/index.html`), `${g.id} (${phase}) has no page`).toContain(c.title);
      expect(search, `${g.id} (${phase}) not in the search index`).toContain(c.title);
      for (const feed of feeds) expect(feed, `${g.id} (${phase}) missing from a feed`).toContain(c.title);
    }
  }
  return corpus.map(phaseOf);
}

describe('embargo in built output (property, 2 builds x 250 advisories)', () => {
  it('hidden canaries appear nowhere, announced ones only as notices, published ones everywhere', () => {
    const phases: string[] = [];
    fc.assert(
      fc.property(arbitraryCorpus(CLOCK_MS, { min: 250, max: 250 }), (corpus) => {
        phases.push(...assertEmbargoHolds(corpus));
      }),
      // Each run is a full build: no shrinking, and the seed is printed on failure.
      { numRuns: 2, endOnFailure: true },
    );
    // The generator must exercise every phase, or the property proves little.
    for (const phase of ['hidden', 'announced', 'published', 'withdrawn']) expect(phases).toContain(phase);
    expect(phases.length).toBeGreaterThanOrEqual(500);
  }, 300_000);
});
