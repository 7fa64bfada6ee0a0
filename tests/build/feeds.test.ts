/**
 * The feeds and exports as a production build writes them, read by real clients: Debian's
 * feedparser (RSS) and icalendar (ICS), the official OSV and CSAF schemas, an RFC 9116
 * checker. The fixture site is built once at its clock, the project's own content once, and
 * the fixture a second time to compare bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreCvss } from '../../src/schemas/cvss.ts';
import type { SiteModel } from '../../src/model/site-model.ts';
import { absolute, paths } from '../../src/model/urls.ts';
import { CANARIES, canaryStrings, FIXTURE_CLOCK, FIXTURE_IDS, FIXTURE_PUBLIC_IDS } from '../fixtures/site/canaries.ts';
import { buildSite, makeBareContentRoot, PROJECT_ROOT, readTree, type BuildResult } from '../support/build-site.ts';
import { sharedBuild } from '../support/shared-build.ts';
import {
  csafMandatoryProblems,
  missingProductIdentificationHelpers,
  schemaErrors,
  schemaValidators,
  securityTxtProblems,
  systemPython,
} from '../support/export-validators.ts';
import { feedScopes } from '../../src/outputs/feed-scope.ts';
import { FIXTURE_SITE, modelOf } from '../support/fixture-model.ts';

const SITE = 'https://security.openedx.org';
const v = schemaValidators();
type Json = Record<string, any>;

/** Every file this issue adds to the output, beside the per-advisory ones. */
const OUTPUT_PATHS = [
  paths.rss,
  paths.jsonFeed,
  paths.calendar,
  paths.securityTxt,
  paths.osvIndex,
  paths.csafProviderMetadata,
  paths.csafIndex,
  paths.csafChanges,
  paths.csafRolie,
];

const FEEDPARSER = `
import json, sys, time, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
iso = lambda t: time.strftime('%Y-%m-%dT%H:%M:%SZ', t) if t else None
print(json.dumps({'bozo': bool(d.bozo), 'error': str(d.get('bozo_exception') or ''), 'version': d.version,
  'title': d.feed.get('title'), 'link': d.feed.get('link'),
  'entries': [{'id': e.get('id'), 'title': e.get('title'), 'link': e.get('link'), 'published': iso(e.get('published_parsed')),
               'tags': [[t.get('scheme'), t.get('term')] for t in e.get('tags', [])]} for e in d.entries]}))
`;
const ICALENDAR = `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
print(json.dumps([{'uid': str(e.get('UID')), 'summary': str(e.get('SUMMARY')), 'url': str(e.get('URL')),
  'start': e.decoded('DTSTART').isoformat(), 'stamp': e.decoded('DTSTAMP').isoformat(), 'sequence': int(e.get('SEQUENCE'))}
  for e in cal.walk('VEVENT')]))
`;

type Built = {
  name: string;
  build: BuildResult;
  model: SiteModel;
  file: (path: string) => string;
  has: (path: string) => boolean;
  json: (path: string) => Json;
};

function built(name: string, root: string, build: BuildResult): Built {
  const local = (path: string) => join(build.outDir, decodeURI(path));
  return {
    name,
    build,
    model: modelOf(root, FIXTURE_CLOCK),
    file: (path) => readFileSync(local(path), 'utf8'),
    has: (path) => existsSync(local(path)),
    json: (path) => JSON.parse(readFileSync(local(path), 'utf8')) as Json,
  };
}

const builds: Built[] = [];

beforeAll(() => {
  const empty = makeBareContentRoot({});
  builds.push(built('fixture site', FIXTURE_SITE, sharedBuild(FIXTURE_SITE, FIXTURE_CLOCK)));
  builds.push(built('sample content', PROJECT_ROOT, sharedBuild(PROJECT_ROOT, FIXTURE_CLOCK)));
  builds.push(built('no advisories', empty, buildSite(empty, FIXTURE_CLOCK)));
  // That a second build writes the same bytes, feeds and exports included, is proved for every
  // file of the fixture site by tests/build/state-time-build.test.ts.
  for (const b of builds.map((x) => x.build)) {
    if (b.code !== 0) throw new Error(`build failed (${b.code}):\n${b.stdout.slice(-2000)}\n${b.stderr.slice(-4000)}`);
  }
});

const fixture = () => builds[0]!;

describe.each([0, 1, 2])('outputs of a build (%i: 0 = fixture site, 1 = sample content, 2 = no advisories)', (which) => {
  const b = () => builds[which]!;

  it('has every feed and export at its path', () => {
    for (const path of OUTPUT_PATHS) expect(b().has(path), path).toBe(true);
  });

  it('has one schema-valid OSV record per published advisory, named by the site id, and an index of them', () => {
    const ids = b().model.published.map((p) => p.id);
    const files = readdirSync(join(b().build.outDir, 'osv'))
      .filter((f) => f !== 'index.json')
      .sort();
    if (ids.length === 0) expect(b().json(paths.osvIndex)).toEqual([]);
    expect(files).toEqual(ids.map((id) => `${id}.json`).sort());
    for (const id of ids) {
      const record = b().json(paths.osv(id));
      expect(schemaErrors(v.osv, record), id).toEqual([]);
      expect(record.id).toBe(`x_${id}`);
      expect(JSON.stringify(record)).not.toMatch(/"\d{4}-\d{2}-\d{2}T[^"]*[+-]\d{2}:\d{2}"/);
    }
    expect(
      b()
        .json(paths.osvIndex)
        .map((e: Json) => e.site_id),
    ).toEqual([...ids].sort());
  });

  it('is a CSAF provider: valid metadata, a ROLIE feed of valid documents with matching hashes, index.txt and changes.csv', () => {
    const meta = b().json(paths.csafProviderMetadata);
    expect(schemaErrors(v.provider, meta)).toEqual([]);
    const feedUrl: string = meta.distributions[0].rolie.feeds[0].url;
    const local = (url: string) => new URL(url).pathname;
    const feed = b().json(local(feedUrl));
    expect(schemaErrors(v.rolie, feed)).toEqual([]);
    expect(feed.feed.entry).toHaveLength(b().model.published.length);

    const lines = (path: string) => b().file(path).split('\n').filter(Boolean);
    const listed = lines(paths.csafIndex);
    const changes = lines(paths.csafChanges).map((l) => l.split(',').map((x) => JSON.parse(x) as string));
    expect(listed.sort()).toEqual(changes.map(([path]) => path!).sort());
    const dates = changes.map(([, date]) => Date.parse(date!));
    expect(dates).toEqual([...dates].sort((x, y) => y - x));

    for (const entry of feed.feed.entry) {
      const path = local(entry.content.src);
      const text = b().file(path);
      const doc = JSON.parse(text) as Json;
      const problems = [...schemaErrors(v.csaf, doc), ...csafMandatoryProblems(doc, (vector) => scoreCvss(vector, '3.1').score)];
      expect(problems, entry.id).toEqual([]);
      // Optional test 6.2.16: every product can be matched to an installation.
      expect(missingProductIdentificationHelpers(doc), entry.id).toEqual([]);
      expect(doc.document.tracking.id).toBe(entry.id);
      // Requirement 11: the folder is the year of the initial release; requirement 2: the file name.
      const relative = path.slice(paths.csafDir.length);
      expect(relative).toBe(`${doc.document.tracking.initial_release_date.slice(0, 4)}/${entry.id.toLowerCase()}.json`);
      expect(listed).toContain(relative);
      expect(changes).toContainEqual([relative, doc.document.tracking.current_release_date]);
      for (const link of entry.link.filter((l: Json) => l.rel === 'hash')) {
        const algorithm = link.href.split('.').at(-1);
        const digest = createHash(algorithm).update(text).digest('hex');
        expect(b().file(local(link.href))).toBe(`${digest}  ${entry.id.toLowerCase()}.json\n`);
      }
    }
  });

  it('has an RSS feed that feedparser reads without error, one item per advisory and pre-announcement', () => {
    const rss = systemPython('feedparser', FEEDPARSER, b().file(paths.rss)) as Json;
    expect(rss.error).toBe('');
    expect(rss.bozo).toBe(false);
    expect(rss.version).toBe('rss20');
    expect(rss.entries).toHaveLength(b().model.published.length + b().model.announced.length);
    expect(new Set(rss.entries.map((e: Json) => e.id)).size).toBe(rss.entries.length);
    for (const p of b().model.published) {
      const item = rss.entries.find((e: Json) => e.link === absolute(SITE, paths.advisory(p.id)));
      expect(item, p.id).toBeDefined();
      expect(item.tags).toContainEqual([`${SITE}/advisories/severity/`, p.level]);
    }
  });

  it("has a JSON Feed 1.1 with the RSS feed's items, GUIDs and dates", () => {
    const feed = b().json(paths.jsonFeed);
    expect(schemaErrors(v.jsonFeed, feed)).toEqual([]);
    const ids = feed.items.map((i: Json) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rss = systemPython('feedparser', FEEDPARSER, b().file(paths.rss)) as Json;
    expect(rss.entries.map((e: Json) => [e.id, e.published, e.title])).toEqual(
      feed.items.map((i: Json) => [i.id, i.date_published, i.title]),
    );
  });

  it('has a security.txt that satisfies RFC 9116 at the build clock', () => {
    expect(securityTxtProblems(b().file(paths.securityTxt), absolute(SITE, paths.securityTxt), new Date(FIXTURE_CLOCK))).toEqual([]);
    expect(b().file(paths.securityTxt)).toContain(`CSAF: ${absolute(SITE, paths.csafProviderMetadata)}`);
  });

  it('has a calendar icalendar reads, with an event per announced release at its UTC instant', () => {
    const events = systemPython('icalendar', ICALENDAR, b().file(paths.calendar)) as Json[];
    for (const n of b().model.announced) {
      const event = events.find((e) => e.uid === `${n.id}@security.openedx.org`);
      expect(event, n.id).toBeDefined();
      expect(Date.parse(event!.start)).toBe(Date.parse(n.publish_at));
      expect(event!.url).toBe(`${SITE}/upcoming/#${n.id}`);
      // DTSTAMP is the state time, the latest change of the site at or before the build clock.
      expect(Date.parse(event!.stamp)).toBe(b().model.now.getTime());
      expect(b().model.now.getTime()).toBeLessThanOrEqual(Date.parse(FIXTURE_CLOCK));
    }
  });

  it('has RSS, JSON Feed and a calendar for every named release and component, each read by its real client', () => {
    const scopes = feedScopes(b().model).filter((s) => s.kind !== 'site');
    expect(scopes.filter((s) => s.kind === 'release')).toHaveLength(b().model.releases.length);
    const site = new Map((b().json(paths.jsonFeed).items as Json[]).map((i) => [i.id, i.title]));
    for (const scope of scopes) {
      const rss = systemPython('feedparser', FEEDPARSER, b().file(scope.feeds.rss)) as Json;
      expect([rss.error, rss.bozo, rss.version], scope.feeds.rss).toEqual(['', false, 'rss20']);
      expect(rss.link).toBe(absolute(SITE, scope.page));
      const json = b().json(scope.feeds.json);
      expect(schemaErrors(v.jsonFeed, json), scope.feeds.json).toEqual([]);
      expect(rss.entries.map((e: Json) => e.id)).toEqual(json.items.map((i: Json) => i.id));
      // The same items as the site feed, with the same GUIDs: a subset of it.
      for (const item of json.items as Json[]) expect(site.get(item.id), `${scope.feeds.json} ${item.id}`).toBe(item.title);
      const events = systemPython('icalendar', ICALENDAR, b().file(scope.feeds.ics)) as Json[];
      expect(Array.isArray(events), scope.feeds.ics).toBe(true);
    }
  });

  it('has only absolute links in feed items and OSV details', () => {
    const relative = (links: string[]) => links.filter((l) => !/^https:\/\//.test(l));
    for (const item of b().json(paths.jsonFeed).items as Json[]) {
      expect(relative([...String(item.content_html).matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!)), item.id).toEqual([]);
    }
    for (const p of b().model.published) {
      const details = String(b().json(paths.osv(p.id)).details);
      expect(relative([...details.matchAll(/\]\(([^)\s]+)/g)].map((m) => m[1]!)), p.id).toEqual([]);
    }
  });

  it('links the feeds from the head of every page', () => {
    const pages = [...readTree(b().build.outDir).entries()].filter(([path]) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const [path, html] of pages) {
      const head = html.slice(0, html.indexOf('</head>'));
      expect(head, path).toContain(`<link rel="alternate" type="application/rss+xml"`);
      expect(head, path).toContain(`<link rel="alternate" type="application/feed+json"`);
    }
  });
});

describe('fixture build: what each reader sees', () => {
  const advisoryGuid = (id: string, suffix: string) => `${SITE}/advisories/${id}/#${suffix}`;

  it('gives each advisory the GUID of its latest state and the notice its own', () => {
    const rss = systemPython('feedparser', FEEDPARSER, fixture().file(paths.rss)) as Json;
    const byLink = (link: string) => rss.entries.find((e: Json) => e.link === link);
    expect(byLink(`${SITE}/advisories/${FIXTURE_IDS.backported}/`)).toMatchObject({
      id: advisoryGuid(FIXTURE_IDS.backported, 'v1'),
      published: '2026-10-07T14:00:00Z',
    });
    // Three revisions, the last written at -05:00: revision 4, dated by it in UTC.
    expect(byLink(`${SITE}/advisories/${FIXTURE_IDS.revised}/`)).toMatchObject({
      id: advisoryGuid(FIXTURE_IDS.revised, 'v4'),
      published: '2025-03-02T13:00:00Z',
    });
    expect(byLink(`${SITE}/advisories/${FIXTURE_IDS.withdrawn}/`)).toMatchObject({
      id: advisoryGuid(FIXTURE_IDS.withdrawn, 'v1-withdrawn'),
      published: '2024-08-20T10:00:00Z',
    });
    expect(byLink(`${SITE}/advisories/${FIXTURE_IDS.withdrawn}/`).title).toMatch(/^Withdrawn OEA-2024-002/);
    const notice = byLink(`${SITE}/upcoming/#${FIXTURE_IDS.announced}`);
    expect(notice.id).toMatch(new RegExp(`^${SITE}/upcoming/#${FIXTURE_IDS.announced}/notice-[0-9a-f]{12}$`));
    expect(notice.published).toBe('2026-11-20T14:00:00Z');
    expect(rss.entries.map((e: Json) => e.link)).toEqual([
      `${SITE}/upcoming/#${FIXTURE_IDS.announced}`,
      ...[FIXTURE_IDS.backported, FIXTURE_IDS.cvss4, FIXTURE_IDS.pypi, FIXTURE_IDS.revised, FIXTURE_IDS.withdrawn, FIXTURE_IDS.noCvss].map(
        (id) => `${SITE}/advisories/${id}/`,
      ),
    ]);
  });

  it("gives scripts the fixture's facts in _openedx", () => {
    const items: Json[] = fixture().json(paths.jsonFeed).items;
    const ext = (id: string) => items.find((i) => i._openedx.id === id)!._openedx;
    expect(ext(FIXTURE_IDS.pypi).packages).toEqual([
      {
        ecosystem: 'PyPI',
        name: 'edx-enterprise',
        purl: 'pkg:pypi/edx-enterprise',
        repository: 'openedx/edx-enterprise',
        ranges: [{ introduced: '7.0.2', fixed: '7.0.5' }],
      },
    ]);
    expect(ext(FIXTURE_IDS.cvss4).severity).toEqual({
      level: 'medium',
      score: expect.any(Number),
      cvss_v4: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N',
    });
    expect(ext(FIXTURE_IDS.noCvss).severity).toEqual({ level: 'low' });
    expect(ext(FIXTURE_IDS.withdrawn).withdrawn).toEqual({
      at: '2024-08-20T10:00:00Z',
      reason: 'Not a vulnerability; public certificate pages are shared on purpose.',
    });
    expect(ext(FIXTURE_IDS.backported).releases.map((r: Json) => [r.release, r.status])).toEqual([
      ['verawood', 'fixed'],
      ['ulmo', 'fixed'],
      ['teak', 'wont_fix'],
    ]);
    expect(ext(FIXTURE_IDS.announced)).toMatchObject({ kind: 'pre-announcement', publish_at: '2026-12-02T14:00:00Z', aliases: [] });
  });

  it('keeps non-ASCII credit names intact in OSV and CSAF', () => {
    const names = ['Zoë Ångström', '李雷', 'Łukasz Żółć'];
    expect(
      fixture()
        .json(paths.osv(FIXTURE_IDS.revised))
        .credits.map((c: Json) => c.name),
    ).toEqual(names);
    const csaf = fixture().json(paths.csaf(FIXTURE_IDS.revised, '2025'));
    expect(csaf.vulnerabilities[0].acknowledgments.flatMap((a: Json) => a.names)).toEqual(names);
    expect(csaf.document.tracking.version).toBe('4');
  });

  it('marks the withdrawn advisory in OSV and CSAF', () => {
    expect(fixture().json(paths.osv(FIXTURE_IDS.withdrawn)).withdrawn).toBe('2024-08-20T10:00:00Z');
    const csaf = fixture().json(paths.csaf(FIXTURE_IDS.withdrawn, '2024'));
    expect(csaf.document.category).toBe('csaf_base');
    expect(csaf.document.notes[0].title).toBe('Reasoning for Withdrawal');
  });

  it('keeps the published pre-announced release as a past event, and nothing of the hidden one', () => {
    const events = systemPython('icalendar', ICALENDAR, fixture().file(paths.calendar)) as Json[];
    expect(events.map((e) => [e.uid, e.start])).toEqual([
      [`${FIXTURE_IDS.backported}@security.openedx.org`, '2026-10-07T14:00:00+00:00'],
      [`${FIXTURE_IDS.announced}@security.openedx.org`, '2026-12-02T14:00:00+00:00'],
    ]);
    expect(events[0]!.summary).toMatch(/^Published: /);
    expect(events[0]!.url).toBe(`${SITE}/advisories/${FIXTURE_IDS.backported}/`);
  });

  it('shows nothing of embargoed advisories beyond the notice in any feed or export', () => {
    const mine = [...readTree(fixture().build.outDir).entries()].filter(([path]) =>
      /^(feed\.(xml|json)|calendar\.ics|osv\/|\.well-known\/)/.test(path),
    );
    expect(mine.length).toBeGreaterThan(10);
    const secrets = [
      ...canaryStrings(CANARIES.announced),
      ...canaryStrings(CANARIES.hidden),
      CANARIES.hidden.id,
      ...canaryStrings(CANARIES.draft),
      CANARIES.draft.id,
    ];
    for (const [path, text] of mine) {
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${path}`).toBe(false);
    }
    expect(fixture().has(paths.osv(FIXTURE_IDS.announced))).toBe(false);
    expect(fixture().model.published.map((p) => p.id)).toEqual([...FIXTURE_PUBLIC_IDS]);
  });
});
