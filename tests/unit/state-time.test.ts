/**
 * The output is a function of the content and the state time: two clocks between the same two
 * transitions give the same model and the same bytes in every output, and a calendar event's
 * SEQUENCE never goes down from one state to the next. Generated content and clocks; the full
 * builds of tests/build/embargo-guards.test.ts show the same for pages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAdvisory, readReleases, readSite, type Corpus } from '../../src/content/read-content.ts';
import { nextTransitions, stateTime } from '../../src/embargo/schedule.ts';
import { searchRecords } from '../../src/model/search-records.ts';
import { siteAt, type SiteModel } from '../../src/model/site-model.ts';
import { calendarIcs } from '../../src/outputs/calendar.ts';
import { csafChangesCsv, csafIndexTxt, providerMetadata, rolieFeed } from '../../src/outputs/csaf-provider.ts';
import { jsonFeed } from '../../src/outputs/json-feed.ts';
import { osvIndex } from '../../src/outputs/osv.ts';
import { perAdvisoryFiles } from '../../src/outputs/per-advisory-files.ts';
import { rssOptions } from '../../src/outputs/rss.ts';
import { securityMd } from '../../src/outputs/security-md.ts';
import { securityTxt } from '../../src/outputs/security-txt.ts';
import { unfoldIcs } from '../../src/outputs/ics-fold.ts';
import { arbitraryCorpus } from '../support/arbitrary-advisory.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';

const CLOCK = Date.parse('2026-11-25T12:00:00Z');
const site = readSite(PROJECT_ROOT, [])!;
const releases = readReleases(PROJECT_ROOT, [])!;

function corpusOf(files: Array<{ file: string; text: string }>): Corpus {
  const advisories = files.map(({ file, text }) => {
    const { entry, problems } = parseAdvisory(`content/${file}`, text, releases);
    if (!entry) throw new Error(problems.map((p) => p.message).join('\n'));
    return entry;
  });
  return { site, releases, advisories };
}

/** Every output the site derives from the model, as text. */
function outputs(model: SiteModel): Record<string, string> {
  const out: Record<string, string> = {
    model: JSON.stringify(model),
    rss: JSON.stringify(rssOptions(model)),
    jsonFeed: JSON.stringify(jsonFeed(model)),
    calendar: calendarIcs(model),
    securityTxt: securityTxt(model),
    osvIndex: JSON.stringify(osvIndex(model)),
    provider: JSON.stringify(providerMetadata(model)),
    rolie: JSON.stringify(rolieFeed(model)),
    index: csafIndexTxt(model),
    changes: csafChangesCsv(model),
    search: JSON.stringify(searchRecords(model)),
    securityMd: securityMd({ site: model.site, releases: model.releases }),
  };
  for (const p of model.published) for (const f of perAdvisoryFiles(p, model)) out[f.path] = f.text();
  return out;
}

const sources = (corpus: Corpus) => ({ advisories: corpus.advisories.map((a) => a.data), releases: corpus.releases });

describe('the state time', () => {
  it('makes any two clocks between consecutive transitions give identical outputs (200+ generated advisories)', () => {
    let advisories = 0;
    fc.assert(
      fc.property(
        arbitraryCorpus(CLOCK, { min: 1, max: 8 }),
        fc.integer({ min: -300 * 86_400, max: 300 * 86_400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (generated, offset, where) => {
          advisories += generated.length;
          const corpus = corpusOf(generated);
          const first = new Date(CLOCK + offset * 1000);
          const next = nextTransitions(sources(corpus), first)[0]!.at.getTime();
          // A second clock after the first, before the next transition, to the second.
          const second = new Date(first.getTime() + Math.floor(((next - first.getTime()) / 1000 - 1) * where) * 1000);
          expect(second.getTime()).toBeLessThan(next);
          expect(stateTime(sources(corpus), second)).toEqual(stateTime(sources(corpus), first));
          expect(outputs(siteAt(corpus, second).model)).toEqual(outputs(siteAt(corpus, first).model));
        },
      ),
      { numRuns: 60 },
    );
    expect(advisories).toBeGreaterThanOrEqual(200);
  });

  it('changes the outputs at a transition only when something public changes there', () => {
    fc.assert(
      fc.property(arbitraryCorpus(CLOCK, { min: 1, max: 6 }), (generated) => {
        const corpus = corpusOf(generated);
        const before = new Date(CLOCK - 1000);
        const at = nextTransitions(sources(corpus), before)[0]!.at;
        // At the transition the state time is the transition itself.
        expect(siteAt(corpus, at).now).toEqual(at);
      }),
      { numRuns: 40 },
    );
  });

  it("never lowers a calendar event's SEQUENCE from one state to the next", () => {
    fc.assert(
      fc.property(arbitraryCorpus(CLOCK, { min: 1, max: 6 }), (generated) => {
        const corpus = corpusOf(generated);
        const highest = new Map<string, number>();
        let clock = new Date(CLOCK - 40 * 86_400_000);
        for (let step = 0; step < 12; step++) {
          const ics = unfoldIcs(calendarIcs(siteAt(corpus, clock).model));
          for (const event of ics.split('BEGIN:VEVENT').slice(1)) {
            const uid = /\r\nUID:([^\r]+)/.exec(event)![1]!;
            const sequence = Number(/\r\nSEQUENCE:(\d+)/.exec(event)![1]);
            expect(sequence, uid).toBeGreaterThanOrEqual(highest.get(uid) ?? 0);
            highest.set(uid, sequence);
          }
          clock = nextTransitions(sources(corpus), clock)[0]!.at;
        }
      }),
      { numRuns: 40 },
    );
  });
});
