/**
 * Feeds of one named release and one component: only what concerns them, the same GUIDs and
 * calendar UIDs as the site feeds, nothing of an embargoed advisory beyond its notice; and the
 * fix table every advisory item carries, with absolute links only.
 */
import { describe, expect, it } from 'vitest';
import { calendarIcs } from '../../src/outputs/calendar.ts';
import { componentScope, feedComponents, feedScopes, releaseScope, scopedModel } from '../../src/outputs/feed-scope.ts';
import { feedItems } from '../../src/outputs/feed-items.ts';
import { jsonFeed } from '../../src/outputs/json-feed.ts';
import { rssOptions } from '../../src/outputs/rss.ts';
import { fixtureModel } from '../support/fixture-model.ts';
import { CANARIES, FIXTURE_IDS } from '../fixtures/site/canaries.ts';
import { advisory, only } from '../support/output-model.ts';

const model = fixtureModel();
const release = (name: string) => model.releases.find((r) => r.name === name)!;
const itemIds = (items: { openedx: { id: string; kind: string } }[]) => items.map((i) => `${i.openedx.kind} ${i.openedx.id}`);

describe('feeds of one named release or component', () => {
  it('carry only the advisories and notices that name the release', () => {
    const verawood = feedItems(scopedModel(model, releaseScope(model, release('verawood'))));
    expect(itemIds(verawood)).toEqual([`pre-announcement ${FIXTURE_IDS.announced}`, `advisory ${FIXTURE_IDS.backported}`]);
    const quince = feedItems(scopedModel(model, releaseScope(model, release('quince'))));
    expect(itemIds(quince)).toEqual([`advisory ${FIXTURE_IDS.noCvss}`]);
  });

  it('carry only the advisories of the component, under the slug of its archive listing', () => {
    const components = feedComponents(model);
    expect(components.map((c) => c.slug)).toContain('openedx-openedx-platform');
    const enterprise = components.find((c) => c.name === 'edx-enterprise')!;
    expect(itemIds(feedItems(scopedModel(model, componentScope(model, enterprise))))).toEqual([`advisory ${FIXTURE_IDS.pypi}`]);
    expect(componentScope(model, enterprise).page).toBe('/advisories/component/edx-enterprise/');
  });

  it('keep the GUID an item has in the site feed, and say which scope they are in their own links', () => {
    const site = new Map(feedItems(model).map((i) => [i.openedx.id, i.guid]));
    const scope = releaseScope(model, release('verawood'));
    const json = jsonFeed(model, scope);
    for (const item of json.items) expect(item.id).toBe(site.get(item._openedx.id));
    expect(json.feed_url).toBe('https://security.openedx.org/releases/verawood/feed.json');
    expect(json.home_page_url).toBe('https://security.openedx.org/releases/verawood/');
    expect(json.title).toContain('Verawood');
    const rss = rssOptions(model, scope);
    expect(rss.site).toBe('https://security.openedx.org/releases/verawood/');
    expect(String(rss.customData)).toContain('href="https://security.openedx.org/releases/verawood/feed.xml" rel="self"');
  });

  it('give the release calendar the same event UIDs, and only its releases', () => {
    const ics = calendarIcs(model, releaseScope(model, release('verawood')));
    expect(ics).toContain(`UID:${FIXTURE_IDS.announced}@security.openedx.org`);
    expect(ics).toContain('X-WR-CALNAME:Open edX Security: security releases for Verawood');
    expect(calendarIcs(model, releaseScope(model, release('palm')))).not.toContain('BEGIN:VEVENT');
  });

  it('show an announced advisory as its notice only, as the site feeds do', () => {
    const text = JSON.stringify(feedScopes(model).map((s) => jsonFeed(model, s)));
    for (const word of [...CANARIES.announced.words, ...CANARIES.hidden.words, CANARIES.hidden.id]) expect(text).not.toContain(word);
  });
});

describe('the fix table of a feed item', () => {
  it('lists each branch and named release with status, commit and tag, all linked absolutely', () => {
    const item = feedItems(model).find((i) => i.openedx.id === FIXTURE_IDS.backported && i.openedx.kind === 'advisory')!;
    const table = /<table>[\s\S]*?<\/table>/.exec(item.contentHtml)?.[0] ?? '';
    expect(table).toContain('<caption>What to apply</caption>');
    expect(table).toContain('<td>master</td><td>Fixed</td>');
    expect(table).toContain('<a href="https://security.openedx.org/releases/verawood/">Verawood</a></td><td>Fixed</td>');
    expect(table).toContain(
      '<a href="https://github.com/openedx/openedx-platform/releases/tag/open-release/verawood.3">tag <code>open-release/verawood.3</code></a>',
    );
    expect(table).toContain('Will not be fixed');
  });

  it('gives a package its affected range and fixed version', () => {
    const item = feedItems(model).find((i) => i.openedx.id === FIXTURE_IDS.pypi)!;
    expect(item.contentHtml).toContain(
      '<td>edx-enterprise (PyPI)</td><td>affected: <code>&gt;= 7.0.2, &lt; 7.0.5</code></td><td>Fixed</td>',
    );
    expect(item.contentHtml).toContain('href="https://pypi.org/project/edx-enterprise/7.0.5/"');
  });

  it('has no relative link, even when the body links a page of the site', () => {
    const body = '## Patches\n\nApply [the other one](/advisories/OEA-2026-100/); see [impact](#impact).\n';
    const { model: m } = only(advisory(), body);
    for (const item of feedItems(m)) {
      const links = [...item.contentHtml.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((x) => x[1]!);
      expect(links.length).toBeGreaterThan(3);
      expect(links.filter((l) => !/^https:\/\//.test(l))).toEqual([]);
      expect(links).toContain('https://security.openedx.org/advisories/OEA-2026-100/');
    }
  });
});
