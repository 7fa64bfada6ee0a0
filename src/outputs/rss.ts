/**
 * RSS 2.0 through @astrojs/rss: the options object `rss()` takes, built from the shared feed
 * items. GUIDs and categories (with a `domain` naming their taxonomy) go in each item's
 * customData, because @astrojs/rss would otherwise use the link as a permalink GUID, and the
 * link of an advisory stays the same across revisions (see feed-items.ts).
 */
import type { RSSOptions } from '@astrojs/rss';
import type { SiteModel } from '../model/site-model.ts';
import { absolute, paths } from '../model/urls.ts';
import { utc } from './common.ts';
import { feedItems, type FeedItem } from './feed-items.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function itemData(item: FeedItem): string {
  return [
    `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>`,
    ...item.categories.map((c) => `<category domain="${escapeXml(c.domain)}">${escapeXml(c.term)}</category>`),
  ].join('');
}

export function rssOptions(model: SiteModel): RSSOptions {
  const feedUrl = absolute(model.site.url, paths.rss);
  return {
    title: `${model.site.title}: advisories and pre-announcements`,
    description: `Security advisories and pre-announced security releases of the Open edX platform, from ${model.site.title}.`,
    site: model.site.url,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${escapeXml(model.site.languages[0] ?? 'en')}</language>`,
      `<lastBuildDate>${new Date(utc(model.now)).toUTCString()}</lastBuildDate>`,
      `<atom:link href="${escapeXml(feedUrl)}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items: feedItems(model).map((item) => ({
      title: item.title,
      link: item.url,
      pubDate: new Date(item.date),
      description: item.summary,
      content: item.contentHtml,
      customData: itemData(item),
    })),
  };
}
