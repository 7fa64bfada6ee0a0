import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { feedItems } from '../../src/outputs/feed-items.ts';
import { jsonFeed } from '../../src/outputs/json-feed.ts';
import { rssOptions } from '../../src/outputs/rss.ts';
import { jsonText } from '../../src/outputs/common.ts';
import { schemaErrors, schemaValidators } from '../support/export-validators.ts';
import { advisory, modelOf } from '../support/output-model.ts';

const SECRET_TITLE = 'Quillimbrot tokens outlive their rotation';
const announced = advisory({
  id: 'OEA-2026-103',
  title: SECRET_TITLE,
  summary: 'The vendrastical session store kept quillimbrot tokens.',
  announce_at: '2026-11-20T14:00:00Z',
  publish_at: '2026-12-02T14:00:00Z',
  notice: { components: ['openedx/openedx-platform'], releases: ['verawood'], severity: 'high', text: 'Authentication fix in the LMS.' },
  aliases: ['CVE-2026-99901'],
  credits: [{ name: 'Vashti Orrindale', type: 'finder' }],
});
const published = advisory({ id: 'OEA-2026-101' });

const guidOf = (change: object, id = 'OEA-2026-101') =>
  feedItems(modelOf([advisory({ id, ...change })])).find((i) => i.openedx.id === id)!.guid;

describe('feed items', () => {
  it('give an advisory and a pre-announcement distinct GUIDs, so a reader that saw the notice still shows the advisory', () => {
    const items = feedItems(modelOf([published, announced]));
    expect(items.map((i) => [i.openedx.kind, i.guid])).toEqual([
      ['pre-announcement', expect.stringMatching(/^https:\/\/security\.openedx\.org\/upcoming\/#OEA-2026-103\/notice-[0-9a-f]{12}$/)],
      ['advisory', 'https://security.openedx.org/advisories/OEA-2026-101/#v1'],
    ]);
    // The same advisory once published: a new GUID, not the notice's.
    const later = feedItems(modelOf([announced], '2026-12-03T00:00:00Z'));
    expect(later.map((i) => i.guid)).toEqual(['https://security.openedx.org/advisories/OEA-2026-103/#v1']);
  });

  it("change an advisory's GUID with each revision and with its withdrawal, and date the item by that change", () => {
    const revised = { revisions: [{ date: '2026-10-20T11:30:00+01:00', summary: 'Added the Ulmo tag.' }] };
    expect(guidOf(revised)).toBe('https://security.openedx.org/advisories/OEA-2026-101/#v2');
    expect(guidOf({ withdrawn: { at: '2026-11-01T00:00:00Z', reason: 'Not a vulnerability.' } })).toBe(
      'https://security.openedx.org/advisories/OEA-2026-101/#v1-withdrawn',
    );
    const [item] = feedItems(modelOf([advisory(revised)]));
    expect(item!.title).toBe('Updated OEA-2026-101 (medium): Course staff could read grade reports of other courses');
    expect(item!.date).toBe('2026-10-20T10:30:00Z');
    expect(item!.summary.startsWith('Revision 2 (2026-10-20 10:30 UTC): Added the Ulmo tag.')).toBe(true);
    expect(item!.openedx.publish_at).toBe('2026-10-07T14:00:00Z');
  });

  it("change a notice's GUID when its date or text changes, and keep it when nothing changes", () => {
    const guid = (change: object) =>
      feedItems(modelOf([{ ...announced, ...change }])).find((i) => i.openedx.kind === 'pre-announcement')!.guid;
    const base = guid({});
    expect(guid({})).toBe(base);
    expect(guid({ publish_at: '2026-12-03T14:00:00Z' })).not.toBe(base);
    expect(guid({ notice: { ...announced.notice, text: 'Authentication fix in the LMS and Studio.' } })).not.toBe(base);
    // Fields of the advisory that are not public before publication do not move the GUID.
    expect(guid({ title: 'Another secret title' })).toBe(base);
  });

  it('expose only the notice, id and dates of an announced advisory', () => {
    const model = modelOf([announced]);
    const text = jsonText(jsonFeed(model)) + JSON.stringify(rssOptions(model));
    for (const secret of [SECRET_TITLE, 'vendrastical', 'quillimbrot', 'CVE-2026-99901', 'Vashti Orrindale', 'CVSS:3.1']) {
      expect(text).not.toContain(secret);
    }
    const [item] = feedItems(model);
    expect(item!.openedx).toEqual({
      kind: 'pre-announcement',
      id: 'OEA-2026-103',
      announced: '2026-11-20T14:00:00Z',
      publish_at: '2026-12-02T14:00:00Z',
      severity: { level: 'high' },
      components: ['openedx/openedx-platform'],
      releases: [{ release: 'verawood', status: 'scheduled' }],
      repositories: [],
      packages: [],
      aliases: [],
      cwe: [],
      withdrawn: null,
      notice_text: 'Authentication fix in the LMS.',
    });
    expect(item!.date).toBe('2026-11-20T14:00:00Z');
  });

  it('categorize by kind, severity and component, each with its taxonomy', () => {
    const [item] = feedItems(modelOf([published]));
    expect(item!.categories).toEqual([
      { domain: 'https://security.openedx.org/subscribe/', term: 'advisory' },
      { domain: 'https://security.openedx.org/advisories/severity/', term: 'medium' },
      { domain: 'https://security.openedx.org/advisories/component/', term: 'openedx/openedx-platform' },
    ]);
  });

  it('keep every pre-announcement when the item limit cuts old advisories', () => {
    const many = Array.from({ length: 5 }, (_, i) => advisory({ id: `OEA-2026-${110 + i}`, publish_at: `2026-10-0${i + 1}T14:00:00Z` }));
    const items = feedItems(modelOf([...many, announced]), 3);
    expect(items.map((i) => i.openedx.id)).toEqual(['OEA-2026-103', 'OEA-2026-114', 'OEA-2026-113']);
  });
});

describe('JSON Feed', () => {
  const feed = jsonFeed(
    modelOf([
      published,
      announced,
      advisory({
        id: 'OEA-2025-102',
        publish_at: '2025-05-11T17:00:00Z',
        severity: undefined,
        aliases: [],
        notice: { components: ['edx-enterprise'], severity: 'low' },
        affected: [{ package: { ecosystem: 'PyPI', name: 'edx-enterprise' }, ranges: [{ introduced: '7.0.2', fixed: '7.0.5' }] }],
      }),
    ]),
  );

  it('is version 1.1 with the documented _openedx extension on every item', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed._openedx).toEqual({ about: 'https://security.openedx.org/subscribe/#json-feed', version: 1 });
    expect(feed.items.map((i) => i._openedx.kind)).toEqual(['pre-announcement', 'advisory', 'advisory']);
    const advisoryItem = feed.items[1]!;
    expect(advisoryItem._openedx).toMatchObject({
      kind: 'advisory',
      id: 'OEA-2026-101',
      revision: 1,
      severity: { level: 'medium', score: 4.3, cvss_v3: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N' },
      components: ['openedx/openedx-platform'],
      repositories: [
        {
          repository: 'openedx/openedx-platform',
          master_fix: '1a2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5',
          master_fix_url: 'https://github.com/openedx/openedx-platform/commit/1a2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5',
        },
      ],
      packages: [],
      aliases: ['CVE-2026-99801', 'GHSA-2c3f-4g5h-6j7m'],
      withdrawn: null,
      osv: 'https://security.openedx.org/osv/OEA-2026-101.json',
      csaf: 'https://security.openedx.org/.well-known/csaf/white/2026/oea-2026-101.json',
    });
    expect(advisoryItem._openedx.releases).toEqual([
      expect.objectContaining({
        component: 'openedx/openedx-platform',
        release: 'verawood',
        status: 'fixed',
        tag: 'open-release/verawood.3',
      }),
      { component: 'openedx/openedx-platform', release: 'teak', status: 'wont_fix' },
    ]);
  });

  it('passes the JSON Feed 1.1 schema, which rejects what the spec forbids', () => {
    const { jsonFeed: validate } = schemaValidators();
    expect(schemaErrors(validate, feed)).toEqual([]);
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
    const [first] = feed.items;
    expect(schemaErrors(validate, { ...feed, items: [{ ...first, content_html: undefined }] }).join()).toMatch(
      /must have required property 'content_html'/,
    );
    expect(schemaErrors(validate, { ...feed, openedx: {} }).join()).toMatch(/must NOT have additional properties/);
    expect(schemaErrors(validate, { ...feed, items: [{ ...first, date_published: '2 Dec 2026' }] }).join()).toMatch(/date-time/);
  });

  it('gives a package-only advisory without CVSS its ranges and notice severity', () => {
    const item = feed.items[2]!;
    expect(item._openedx.severity).toEqual({ level: 'low' });
    expect(item._openedx.packages).toEqual([
      { ecosystem: 'PyPI', name: 'edx-enterprise', purl: 'pkg:pypi/edx-enterprise', ranges: [{ introduced: '7.0.2', fixed: '7.0.5' }] },
    ]);
    expect(item._openedx.aliases).toEqual([]);
  });
});

describe('RSS', () => {
  it('carries our GUIDs (not the link), categories with domains, and RFC 822 dates', async () => {
    const xml = await getRssString(rssOptions(modelOf([published, announced])));
    expect(xml).toContain('<guid isPermaLink="false">https://security.openedx.org/advisories/OEA-2026-101/#v1</guid>');
    expect(xml).not.toContain('isPermaLink="true"');
    expect(xml).toContain('<category domain="https://security.openedx.org/advisories/severity/">medium</category>');
    expect(xml).toContain('<pubDate>Wed, 07 Oct 2026 14:00:00 GMT</pubDate>');
    expect(xml).toContain('<lastBuildDate>Wed, 25 Nov 2026 12:00:00 GMT</lastBuildDate>');
    expect(xml).toContain('<atom:link href="https://security.openedx.org/feed.xml" rel="self" type="application/rss+xml"/>');
  });

  it('escapes markup in titles and keeps non-ASCII text', async () => {
    const odd = advisory({ title: 'Stored <script> in "course" names & Zoë’s notes' });
    const xml = await getRssString(rssOptions(modelOf([odd])));
    expect(xml).toContain('<title>OEA-2026-101 (medium): Stored &lt;script&gt; in &quot;course&quot; names &amp; Zoë’s notes</title>');
  });

  it('is the same text for the same content and clock', async () => {
    const model = () => modelOf([published, announced]);
    expect(await getRssString(rssOptions(model()))).toBe(await getRssString(rssOptions(model())));
    expect(jsonText(jsonFeed(model()))).toBe(jsonText(jsonFeed(model())));
  });
});
