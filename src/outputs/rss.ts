/**
 * RSS 2.0 through @astrojs/rss: the options object `rss()` takes, built from the shared feed
 * items. GUIDs and categories (with a `domain` naming their taxonomy) go in each item's
 * customData, because @astrojs/rss would otherwise use the link as a permalink GUID, and the
 * link of an advisory stays the same across revisions (see feed-items.ts).
 */
import type { RSSOptions } from '@astrojs/rss';
import type { SiteModel } from '../model/site-model.ts';
import { rfc822 } from '../model/dates.ts';
import { absolute } from '../model/urls.ts';
import { utc } from './common.ts';
import { feedItems, type FeedItem } from './feed-items.ts';
import { escapeHtml } from './fix-table.ts';
import { scopedModel, siteScope, type FeedScope } from './feed-scope.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function itemData(item: FeedItem): string {
  return [
    `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>`,
    ...item.categories.map((c) => `<category domain="${escapeXml(c.domain)}">${escapeXml(c.term)}</category>`),
  ].join('');
}

/** The site's feed, or one scope's (a named release, a component: feed-scope.ts). */
export function rssOptions(model: SiteModel, scope: FeedScope = siteScope(model)): RSSOptions {
  const feedUrl = absolute(model.site.url, scope.feeds.rss);
  return {
    title: scope.title,
    description: scope.description,
    site: absolute(model.site.url, scope.page),
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${escapeXml(model.site.languages[0] ?? 'en')}</language>`,
      `<lastBuildDate>${rfc822(utc(model.now))}</lastBuildDate>`,
      `<atom:link href="${escapeXml(feedUrl)}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items: feedItems(scopedModel(model, scope)).map((item) => ({
      title: item.title,
      link: item.url,
      pubDate: new Date(item.date),
      // RSS 2.0 reads description as HTML inside XML: escaped as HTML here, as XML by rss().
      description: escapeHtml(item.summary),
      content: item.contentHtml,
      customData: itemData(item),
    })),
  };
}
