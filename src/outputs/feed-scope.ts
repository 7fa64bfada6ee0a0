/**
 * Which advisories a feed carries. The site's feeds carry everything; each named release and
 * each component has its own RSS, JSON Feed and calendar with only what concerns it, so an
 * operator can subscribe to the one release they run. Every scope is a filter over the same
 * site model, so the embargo rules of the site feeds hold for all of them, and an item keeps
 * the GUID (or calendar UID) it has in the site feeds: it is the same item.
 */
import type { NoticeEntry } from '../schemas/public-entry.ts';
import { facetOptions } from '../model/archive.ts';
import type { PublishedAdvisory, ReleaseInfo, SiteModel } from '../model/site-model.ts';
import { FEED_FORMATS, paths, type FeedFormat } from '../model/urls.ts';

export type FeedScope = {
  kind: 'site' | 'release' | 'component';
  /** What the feed is about, for titles: "Verawood", "openedx/openedx-platform". */
  name?: string;
  title: string;
  description: string;
  /** The page the feeds belong to (and advertise themselves in). */
  page: string;
  feeds: Record<FeedFormat, string>;
  advisory: (p: PublishedAdvisory) => boolean;
  notice: (n: NoticeEntry) => boolean;
};

const feedsOf = (path: (format: FeedFormat) => string) =>
  Object.fromEntries(FEED_FORMATS.map((f) => [f, path(f)])) as Record<FeedFormat, string>;

export function siteScope(model: Pick<SiteModel, 'site'>): FeedScope {
  return {
    kind: 'site',
    title: `${model.site.title}: advisories and pre-announcements`,
    description: `Security advisories and pre-announced security releases of the Open edX platform, from ${model.site.title}.`,
    page: paths.home,
    feeds: { rss: paths.rss, json: paths.jsonFeed, ics: paths.calendar },
    advisory: () => true,
    notice: () => true,
  };
}

export function releaseScope(model: Pick<SiteModel, 'site'>, release: Pick<ReleaseInfo, 'name' | 'title'>): FeedScope {
  return {
    kind: 'release',
    name: release.title,
    title: `${model.site.title}: ${release.title} advisories and pre-announcements`,
    description: `Security advisories and pre-announced security releases that name the Open edX ${release.title} named release, from ${model.site.title}.`,
    page: paths.release(release.name),
    feeds: feedsOf((f) => paths.releaseFeed(release.name, f)),
    advisory: (p) => p.releaseNames.includes(release.name),
    notice: (n) => n.notice.releases.includes(release.name),
  };
}

export function componentScope(model: Pick<SiteModel, 'site'>, component: { name: string; slug: string }): FeedScope {
  return {
    kind: 'component',
    name: component.name,
    title: `${model.site.title}: ${component.name} advisories and pre-announcements`,
    description: `Security advisories and pre-announced security releases of ${component.name}, from ${model.site.title}.`,
    page: paths.advisoryFacet('component', component.slug),
    feeds: feedsOf((f) => paths.componentFeed(component.slug, f)),
    advisory: (p) => p.components.includes(component.name),
    notice: (n) => n.notice.components.includes(component.name),
  };
}

/**
 * The components that have feeds: those with an archive listing (at least one published
 * advisory), under the listing's own slug, in its order.
 */
export function feedComponents(model: Pick<SiteModel, 'published' | 'releases'>): Array<{ name: string; slug: string }> {
  return facetOptions(model.published, { releases: model.releases }).component.map((o) => ({ name: o.label, slug: o.value }));
}

/** Every scope of the site: the site, each named release (newest first), each component. */
export function feedScopes(model: SiteModel): FeedScope[] {
  return [
    siteScope(model),
    ...model.releases.map((r) => releaseScope(model, r)),
    ...feedComponents(model).map((c) => componentScope(model, c)),
  ];
}

/** The model with only the scope's advisories and notices (the order is kept). */
export function scopedModel(model: SiteModel, scope: FeedScope): SiteModel {
  if (scope.kind === 'site') return model;
  return { ...model, published: model.published.filter(scope.advisory), announced: model.announced.filter(scope.notice) };
}
