/**
 * A named release's own feeds, found the way a reader finds them: advertised in the head of the
 * release's page and listed on the subscribe page, fetched through the browser from the served
 * site, then read by real clients (Debian's feedparser for RSS, icalendar for the calendar,
 * the JSON Feed 1.1 schema). They carry the release's advisories and notices only, with the
 * site feeds' GUIDs, and every link in an item is absolute.
 */
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/model/urls.ts';
import { CANARIES, FIXTURE_IDS } from '../fixtures/site/canaries.ts';
import { schemaErrors, schemaValidators, systemPython } from '../support/export-validators.ts';
import { buildOrThrow, SKIP_WITHOUT_BROWSER, useSession } from '../support/e2e-site.ts';

type Json = Record<string, any>;
const FEEDPARSER = `
import json, sys, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({'bozo': bool(d.bozo), 'version': d.version, 'title': d.feed.get('title'),
  'entries': [{'id': e.get('id'), 'link': e.get('link'), 'content': ''.join(c.get('value', '') for c in e.get('content', []))} for e in d.entries]}))
`;
const ICALENDAR = `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
print(json.dumps({'name': str(cal.get('X-WR-CALNAME')), 'uids': [str(e.get('UID')) for e in cal.walk('VEVENT')]}))
`;

describe.skipIf(SKIP_WITHOUT_BROWSER)("a named release's own feeds", () => {
  const session = useSession(() => buildOrThrow());

  it('are advertised in the head of the release page and parse as feeds with only that release', async () => {
    const { page, watch, close } = await session().open(paths.release('verawood'));
    try {
      const links = await page
        .locator('head link[rel="alternate"]')
        .evaluateAll((ls) =>
          ls.map((l) => ({ type: l.getAttribute('type')!, title: l.getAttribute('title')!, href: (l as HTMLLinkElement).href })),
        );
      const own = links.filter((l) => new URL(l.href).pathname.startsWith('/releases/verawood/'));
      expect(own.map((l) => [l.type, new URL(l.href).pathname])).toEqual([
        ['application/rss+xml', paths.releaseFeed('verawood', 'rss')],
        ['application/feed+json', paths.releaseFeed('verawood', 'json')],
        ['text/calendar', paths.releaseFeed('verawood', 'ics')],
      ]);
      const fetched = async (href: string) => {
        const res = await page.request.get(href);
        expect(res.status(), href).toBe(200);
        return { text: await res.text() };
      };

      const rssRes = await fetched(own[0]!.href);
      const rss = systemPython('feedparser', FEEDPARSER, rssRes.text) as Json;
      expect([rss.bozo, rss.version]).toEqual([false, 'rss20']);
      expect(rss.title).toContain('Verawood');
      expect(rss.entries.map((e: Json) => e.link)).toEqual([
        `https://security.openedx.org/upcoming/#${FIXTURE_IDS.announced}`,
        `https://security.openedx.org/advisories/${FIXTURE_IDS.backported}/`,
      ]);
      // The advisory item carries its fix table, every link absolute.
      const content = rss.entries[1].content as string;
      expect(content).toContain('open-release/verawood.3');
      const hrefs = [...content.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
      expect(hrefs.filter((h) => !h.startsWith('https://'))).toEqual([]);

      const json = JSON.parse((await fetched(own[1]!.href)).text) as Json;
      expect(schemaErrors(schemaValidators().jsonFeed, json)).toEqual([]);
      expect(json.items.map((i: Json) => i.id)).toEqual(rss.entries.map((e: Json) => e.id));
      const siteFeed = JSON.parse((await fetched(`${session().server.url}${paths.jsonFeed}`)).text) as Json;
      for (const id of json.items.map((i: Json) => i.id)) expect(siteFeed.items.map((i: Json) => i.id)).toContain(id);

      const ics = systemPython('icalendar', ICALENDAR, (await fetched(own[2]!.href)).text) as Json;
      expect(ics.name).toContain('Verawood');
      // The published pre-announced release stays as a past event; then the announced one.
      expect(ics.uids).toEqual([`${FIXTURE_IDS.backported}@security.openedx.org`, `${FIXTURE_IDS.announced}@security.openedx.org`]);

      const everything = rssRes.text + JSON.stringify(json);
      for (const word of [...CANARIES.announced.words, ...CANARIES.hidden.words]) expect(everything).not.toContain(word);
      expect(watch.problems()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('are listed on the subscribe page, one row per release and component', async () => {
    const { page, watch, close } = await session().open(paths.subscribe);
    try {
      const row = page.locator('.scope-feed-table tr', { hasText: 'Verawood' });
      const hrefs = await row.locator('td a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(hrefs).toEqual([
        paths.releaseFeed('verawood', 'rss'),
        paths.releaseFeed('verawood', 'json'),
        paths.releaseFeed('verawood', 'ics'),
      ]);
      expect(await page.locator('.scope-feed-table tr', { hasText: 'edx-enterprise' }).count()).toBe(1);
      expect(watch.problems()).toEqual([]);
    } finally {
      await close();
    }
  });
});
