/**
 * Property tests of the embargo through the real code paths short of a full build: parse and
 * validate a generated advisory, project it at the clock, and look for each field's canary in
 * what the site would hold. (tests/build/embargo-build.test.ts does the same through builds.)
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAdvisory } from '../../src/content/read-content.ts';
import { parseYaml } from '../../src/content/frontmatter.ts';
import { collectSecrets, secretMatcher } from '../../src/embargo/leak-scan.ts';
import { toPublicEntry } from '../../src/embargo/projection.ts';
import { visibilityOf } from '../../src/embargo/visibility.ts';
import { ReleasesFileSchema } from '../../src/schemas/release.ts';
import { arbitraryAdvisory, type Canaries } from '../support/arbitrary-advisory.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';

const releases = ReleasesFileSchema.parse(parseYaml(readFileSync(join(PROJECT_ROOT, 'content/releases.yaml'), 'utf8')).value).releases;
const CLOCK = Date.parse('2026-11-25T12:00:00Z');
const clock = fc.oneof(
  fc.constant(CLOCK),
  fc.integer({ min: -400 * 86_400, max: 400 * 86_400 }).map((s) => CLOCK + s * 1000),
);

const secretCanaries = (c: Canaries) => [c.title, c.summary, c.body, c.alias, c.reference, c.credit, c.cwe];

describe('embargo properties (500+ generated advisories)', () => {
  it('a hidden advisory has no public entry; an announced one exposes only its notice; a published one everything', () => {
    fc.assert(
      fc.property(arbitraryAdvisory(CLOCK), clock, (generated, now) => {
        const { entry, problems } = parseAdvisory(`content/${generated.file}`, generated.text, releases);
        expect(problems).toEqual([]);
        const at = new Date(now);
        const phase = visibilityOf(entry!.data, at);
        const view = toPublicEntry(entry!, at);
        if (phase === 'hidden') {
          expect(view).toBeNull();
          return;
        }
        const held = JSON.stringify(view);
        if (phase === 'announced') {
          for (const canary of secretCanaries(generated.canaries)) expect(held).not.toContain(canary);
          expect(held).toContain(generated.canaries.noticeText);
          expect(Object.keys(view!).sort()).toEqual(['announce_at', 'id', 'notice', 'publish_at', 'visibility']);
        } else {
          for (const canary of secretCanaries(generated.canaries)) expect(held).toContain(canary);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('the leak scan finds every secret field of an embargoed advisory wherever it is copied', () => {
    const fields = ['title', 'summary', 'body', 'alias', 'reference', 'credit'] as const;
    fc.assert(
      fc.property(
        arbitraryAdvisory(CLOCK),
        fc.constantFrom(...fields),
        fc.constantFrom('html', 'json', 'url'),
        (generated, field, encoding) => {
          const { entry } = parseAdvisory(`content/${generated.file}`, generated.text, releases);
          const now = new Date(CLOCK);
          const phase = visibilityOf(entry!.data, now);
          fc.pre(phase === 'hidden' || phase === 'announced');
          const secrets = collectSecrets([entry!], now);
          const source = {
            title: entry!.data.title,
            summary: entry!.data.summary,
            body: entry!.body.split('\n').find((l) => l.includes(generated.canaries.body))!,
            alias: entry!.data.aliases[0]!,
            reference: entry!.data.references[0]!.url,
            credit: entry!.data.credits[0]!.name,
          }[field].replace(/^#+ /, '');
          const copied = { html: source.replace(/ /g, '&#32;'), json: JSON.stringify({ x: source }), url: encodeURIComponent(source) }[
            encoding
          ];
          expect(secretMatcher(secrets)(`<p>public text ${copied} more</p>`).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
