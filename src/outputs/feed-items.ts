/**
 * The items RSS and JSON Feed share: one per published advisory, one per pre-announcement,
 * each with a GUID, a date, categories and the `_openedx` extension object.
 *
 * GUIDs (docs/feeds.md): readers deduplicate by GUID, so a GUID names one state of an item.
 * - An advisory: its page URL + `#v<n>` (n = 1 + number of revisions), + `-withdrawn` once it
 *   is withdrawn. A revision or a withdrawal makes a new item that readers show as unread.
 * - A pre-announcement: the upcoming page URL + `#<id>/notice-<digest>`, the digest taken over
 *   the notice and its dates, so a moved date or a changed notice makes a new item too.
 * The two never share a GUID, so a reader that saw the notice still shows the advisory.
 *
 * Announced advisories contribute only their notice, id and dates: nothing else of them is
 * read here, because the model holds nothing else of them.
 */
import { isPackage } from '../schemas/advisory.ts';
import type { NoticeEntry } from '../schemas/public-entry.ts';
import type { PublishedAdvisory, SiteModel } from '../model/site-model.ts';
import { absolute, githubCommit, paths } from '../model/urls.ts';
import { clockTime, utcDay } from '../model/dates.ts';
import { csafUrl } from './csaf-names.ts';
import {
  advisoryUrl,
  fingerprint,
  lastChange,
  purl,
  releaseStates,
  sortedUnique,
  sortReleaseNames,
  upcomingUrl,
  utc,
  type OutputContext,
  type ReleaseState,
} from './common.ts';

/** At most this many items, newest first; pre-announcements are always kept. The OSV index and CSAF index.txt list everything. */
export const FEED_LIMIT = 500;

export type Category = { domain: string; term: string };

export type FeedSeverity = { level: string; score?: number; cvss_v3?: string; cvss_v4?: string };

/** The `_openedx` extension object of a JSON Feed item (documented in docs/feeds.md). */
export type OpenedxExtension = {
  kind: 'advisory' | 'pre-announcement';
  id: string;
  /** Advisories: 1 + number of revisions. Pre-announcements: absent. */
  revision?: number;
  announced?: string;
  publish_at: string;
  modified?: string;
  severity: FeedSeverity;
  components: string[];
  releases: Array<ReleaseState | { release: string; status: 'scheduled' }>;
  repositories: Array<{ repository: string; master_fix?: string; master_fix_url?: string; introduced?: string }>;
  packages: Array<{
    ecosystem: string;
    name: string;
    purl: string;
    repository?: string;
    ranges: Array<{ introduced: string; fixed?: string; last_affected?: string }>;
  }>;
  aliases: string[];
  cwe: string[];
  withdrawn: { at: string; reason: string } | null;
  notice_text?: string;
  osv?: string;
  csaf?: string;
};

export type FeedItem = {
  guid: string;
  url: string;
  title: string;
  /** Plain text. */
  summary: string;
  /** HTML for readers that show content; escaped text only, from our renderer. */
  contentHtml: string;
  /** The date of the state this item stands for (first publication, revision, withdrawal, announcement). */
  date: string;
  published: string;
  modified: string;
  categories: Category[];
  openedx: OpenedxExtension;
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const stripAnchors = (html: string) => html.replace(/\s*<a class="anchor"[^>]*>[\s\S]*?<\/a>/g, '');
const utcReadable = (instant: string) => `${utcDay(instant)} ${clockTime(instant)} UTC`;

function categories(ctx: OutputContext, kind: string, level: string, components: readonly string[]): Category[] {
  // Each domain is a page listing the taxonomy's values (src/pages/advisories/<facet>/).
  return [
    { domain: absolute(ctx.site.url, paths.subscribe), term: kind },
    { domain: absolute(ctx.site.url, paths.advisoryFacetIndex('severity')), term: level },
    ...components.map((term) => ({ domain: absolute(ctx.site.url, paths.advisoryFacetIndex('component')), term })),
  ];
}

export function advisoryItem(p: PublishedAdvisory, ctx: OutputContext): FeedItem {
  const a = p.advisory;
  const revision = a.revisions.length + 1;
  const url = advisoryUrl(ctx, p.id);
  const latest = a.revisions.at(-1);
  const state = a.withdrawn ? 'Withdrawn ' : revision > 1 ? 'Updated ' : '';
  const summary = a.summary.replace(/\s+/g, ' ').trim();
  const lead = [
    a.withdrawn ? `Withdrawn on ${utcReadable(a.withdrawn.at)}: ${a.withdrawn.reason}` : '',
    !a.withdrawn && latest ? `Revision ${revision} (${utcReadable(latest.date)}): ${latest.summary}` : '',
  ].filter(Boolean);
  const severity: FeedSeverity = {
    level: p.level,
    ...(p.severity.primary ? { score: p.severity.primary.score } : {}),
    ...(a.severity?.cvss_v3 ? { cvss_v3: a.severity.cvss_v3 } : {}),
    ...(a.severity?.cvss_v4 ? { cvss_v4: a.severity.cvss_v4 } : {}),
  };
  return {
    guid: `${url}#v${revision}${a.withdrawn ? '-withdrawn' : ''}`,
    url,
    title: `${state}${p.id} (${p.level}): ${a.title}`,
    summary: [...lead, summary].join('\n\n'),
    contentHtml: [...lead, summary].map((t) => `<p>${escapeHtml(t)}</p>`).join('\n') + `\n${stripAnchors(p.html)}`,
    date: lastChange(a),
    published: utc(a.publish_at),
    modified: lastChange(a),
    categories: categories(ctx, 'advisory', p.level, p.components),
    openedx: {
      kind: 'advisory',
      id: p.id,
      revision,
      ...(a.announce_at ? { announced: utc(a.announce_at) } : {}),
      publish_at: utc(a.publish_at),
      modified: lastChange(a),
      severity,
      components: p.components,
      releases: releaseStates(p, ctx),
      repositories: a.affected.flatMap((x) =>
        isPackage(x)
          ? []
          : [
              {
                repository: x.repository,
                ...(x.master_fix ? { master_fix: x.master_fix, master_fix_url: githubCommit(x.repository, x.master_fix) } : {}),
                ...(x.introduced ? { introduced: x.introduced } : {}),
              },
            ],
      ),
      packages: a.affected.flatMap((x) =>
        isPackage(x)
          ? [
              {
                ecosystem: x.package.ecosystem,
                name: x.package.name,
                purl: purl(x.package.ecosystem, x.package.name),
                ...(x.repository ? { repository: x.repository } : {}),
                ranges: x.ranges.map((r) => ({
                  introduced: r.introduced,
                  ...(r.fixed ? { fixed: r.fixed } : {}),
                  ...(r.last_affected ? { last_affected: r.last_affected } : {}),
                })),
              },
            ]
          : [],
      ),
      aliases: sortedUnique(a.aliases),
      cwe: sortedUnique(a.cwe),
      withdrawn: a.withdrawn ? { at: utc(a.withdrawn.at), reason: a.withdrawn.reason } : null,
      osv: absolute(ctx.site.url, paths.osv(p.id)),
      csaf: csafUrl(ctx, p),
    },
  };
}

export function noticeItem(n: NoticeEntry, ctx: OutputContext): FeedItem {
  const { notice } = n;
  const releases = sortReleaseNames(ctx, notice.releases);
  const when = utcReadable(n.publish_at);
  const components = notice.components.join(', ');
  const lines = [
    ...(notice.text ? [notice.text] : []),
    `Patch public at ${when}. Components: ${components}. Named releases: ${releases.length > 0 ? releases.join(', ') : 'none named (master only)'}.`,
    'Details of the flaw are published at that time, not before.',
  ];
  return {
    guid: `${upcomingUrl(ctx, n.id)}/notice-${fingerprint({ announce_at: utc(n.announce_at), publish_at: utc(n.publish_at), notice })}`,
    url: upcomingUrl(ctx, n.id),
    title: `Pre-announcement ${n.id} (${notice.severity}): security release for ${components} at ${when}`,
    summary: lines.join('\n\n'),
    contentHtml: lines.map((t) => `<p>${escapeHtml(t)}</p>`).join('\n'),
    date: utc(n.announce_at),
    published: utc(n.announce_at),
    modified: utc(n.announce_at),
    categories: categories(ctx, 'pre-announcement', notice.severity, notice.components),
    openedx: {
      kind: 'pre-announcement',
      id: n.id,
      announced: utc(n.announce_at),
      publish_at: utc(n.publish_at),
      severity: { level: notice.severity },
      components: [...notice.components],
      releases: releases.map((release) => ({ release, status: 'scheduled' as const })),
      repositories: [],
      packages: [],
      aliases: [],
      cwe: [],
      withdrawn: null,
      ...(notice.text ? { notice_text: notice.text } : {}),
    },
  };
}

/** Every item, newest state first (ties by id); pre-announcements first in line for the limit. */
export function feedItems(model: SiteModel, limit = FEED_LIMIT): FeedItem[] {
  const notices = model.announced.map((n) => noticeItem(n, model));
  // Choose the advisories by date before building their items: archives are large, feeds are not.
  const newest = model.published
    .map((p) => ({ p, at: Date.parse(lastChange(p.advisory)) }))
    .sort((x, y) => y.at - x.at || x.p.id.localeCompare(y.p.id))
    .slice(0, Math.max(0, limit - notices.length))
    .map(({ p }) => advisoryItem(p, model));
  const byDate = (x: FeedItem, y: FeedItem) => Date.parse(y.date) - Date.parse(x.date) || x.openedx.id.localeCompare(y.openedx.id);
  return [...notices, ...newest].sort(byDate);
}
