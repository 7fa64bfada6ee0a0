/**
 * The security-release calendar (iCalendar, RFC 5545) through the `ics` package: one event
 * per pre-announced release, at the instant the patch becomes public.
 *
 * - UID: the advisory id at the site's host, so the event is the same event from its
 *   announcement to its publication, whatever changes.
 * - DTSTAMP: the build clock (with METHOD:PUBLISH it is when the calendar was made).
 * - SEQUENCE: whole minutes from the announcement to the build clock while the release is
 *   announced, so any later build, and so any changed notice, carries a higher sequence than
 *   the copy a client kept (a rebuild without change bumps it too, which clients take as "no
 *   visible change"); at publication it becomes the minutes to publication plus one and stays.
 * - After publication the event stays, in the past, renamed "Published ..." and linking to the
 *   advisory (the newest KEEP_PUBLISHED of them), so a subscriber's calendar keeps the history
 *   instead of losing the event it showed. An advisory published without pre-announcement
 *   never had an event and gets none.
 * Announced advisories contribute their notice, id and dates only.
 */
import { createEvents, type EventAttributes } from 'ics';
import type { NoticeEntry } from '../schemas/public-entry.ts';
import type { PublishedAdvisory, SiteModel } from '../model/site-model.ts';
import { absolute, paths } from '../model/urls.ts';
import { advisoryUrl, sortReleaseNames, upcomingUrl, type OutputContext } from './common.ts';
import { refoldIcs } from './ics-fold.ts';

/** Published advisories that keep their (past) event, newest first. */
export const KEEP_PUBLISHED = 20;
const EVENT_MINUTES = 60;

const host = (ctx: OutputContext) => new URL(ctx.site.url).host;
export const eventUid = (ctx: OutputContext, id: string) => `${id}@${host(ctx)}`;

/**
 * Minutes from the announcement to the build clock while announced; once published, the
 * minutes to publication plus one, which is more than any announced build could have had,
 * and then stays put. See the module comment.
 */
function sequence(ctx: OutputContext, announceAt: string, publishedAt?: string): number {
  const minutes = (to: number) => Math.max(0, Math.floor((to - Date.parse(announceAt)) / 60_000));
  return publishedAt ? minutes(Date.parse(publishedAt)) + 1 : minutes(ctx.now.getTime());
}

function common(ctx: OutputContext, id: string, announceAt: string, publishAt: string, published: boolean) {
  return {
    uid: eventUid(ctx, id),
    sequence: sequence(ctx, announceAt, published ? publishAt : undefined),
    timestamp: ctx.now.getTime(),
    start: Date.parse(publishAt),
    startInputType: 'utc' as const,
    startOutputType: 'utc' as const,
    duration: { minutes: EVENT_MINUTES },
    status: 'CONFIRMED' as const,
    transp: 'TRANSPARENT' as const,
  };
}

function noticeEvent(n: NoticeEntry, ctx: OutputContext): EventAttributes {
  const releases = sortReleaseNames(ctx, n.notice.releases);
  const components = n.notice.components.join(', ');
  return {
    ...common(ctx, n.id, n.announce_at, n.publish_at, false),
    title: `Open edX security release ${n.id} (${n.notice.severity}): ${components}`,
    description: [
      ...(n.notice.text ? [n.notice.text] : []),
      `Severity: ${n.notice.severity}. Components: ${components}. Named releases: ${releases.length > 0 ? releases.join(', ') : 'none named (master only)'}.`,
      `The patch and the advisory become public at this time: ${upcomingUrl(ctx, n.id)}`,
    ].join('\n\n'),
    url: upcomingUrl(ctx, n.id),
    categories: ['security', n.notice.severity],
  };
}

function publishedEvent(p: PublishedAdvisory, announceAt: string, ctx: OutputContext): EventAttributes {
  const components = p.components.join(', ');
  const state = p.advisory.withdrawn ? 'Withdrawn' : 'Published';
  return {
    ...common(ctx, p.id, announceAt, p.advisory.publish_at, true),
    title: `${state}: Open edX security release ${p.id} (${p.level}): ${components}`,
    description: `${p.advisory.title}\n\nThe advisory: ${advisoryUrl(ctx, p.id)}`,
    url: advisoryUrl(ctx, p.id),
    categories: ['security', p.level],
  };
}

export function calendarEvents(model: SiteModel): EventAttributes[] {
  const published = model.published
    .flatMap((p) => (p.advisory.announce_at ? [publishedEvent(p, p.advisory.announce_at, model)] : []))
    .slice(0, KEEP_PUBLISHED);
  const upcoming = model.announced.map((n) => noticeEvent(n, model));
  const start = (e: EventAttributes) => e.start as number;
  return [...published, ...upcoming].sort((a, b) => start(a) - start(b) || (a.uid ?? '').localeCompare(b.uid ?? ''));
}

/**
 * The whole calendar as text (CRLF line ends, lines folded at 75 octets, as RFC 5545 wants;
 * the `ics` package counts characters, so its folds are redone by octets).
 */
export function calendarIcs(model: SiteModel): string {
  const { error, value } = createEvents(calendarEvents(model), {
    productId: `-//${model.site.title}//Security releases//EN`,
    method: 'PUBLISH',
    calName: `${model.site.title}: security releases`,
  });
  if (error || value === null) {
    throw new Error(
      `calendar ${absolute(model.site.url, paths.calendar)}: the ics package refused an event: ${error?.message ?? 'no output'}`,
    );
  }
  return refoldIcs(value);
}
