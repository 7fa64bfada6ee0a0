/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), served as application/feed+json: the
 * same items as the RSS feed, each with the `_openedx` extension object that gives severity,
 * components, named-release states, fixes and package ranges as data (docs/feeds.md).
 */
import type { SiteModel } from '../model/site-model.ts';
import { absolute, paths } from '../model/urls.ts';
import { feedItems } from './feed-items.ts';

export const JSON_FEED_TYPE = 'application/feed+json';

/** The version of the `_openedx` extension; raised only for changes that break readers. */
export const EXTENSION_VERSION = 1;

export function jsonFeed(model: SiteModel) {
  const url = (path: string) => absolute(model.site.url, path);
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${model.site.title}: advisories and pre-announcements`,
    home_page_url: url(paths.home),
    feed_url: url(paths.jsonFeed),
    description: `Security advisories and pre-announced security releases of the Open edX platform, from ${model.site.title}.`,
    language: model.site.languages[0] ?? 'en',
    authors: [{ name: model.site.title, url: url(paths.home) }],
    _openedx: { about: `${url(paths.subscribe)}#json-feed`, version: EXTENSION_VERSION },
    items: feedItems(model).map((item) => ({
      id: item.guid,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: item.contentHtml,
      date_published: item.date,
      date_modified: item.modified,
      tags: item.categories.map((c) => c.term),
      _openedx: item.openedx,
    })),
  };
}
