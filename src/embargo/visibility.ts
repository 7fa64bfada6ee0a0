/**
 * The visibility gate: the only place that compares embargo dates with the clock.
 *
 *   hidden     draft, or before announce_at (or before publish_at when there is no notice)
 *   announced  announce_at <= now < publish_at: only the notice, the id and the two dates
 *   published  publish_at <= now: everything
 *   withdrawn  published, and withdrawn.at <= now: everything, marked withdrawn
 *
 * Dates are compared as instants, so offsets and daylight-saving changes cannot shift a
 * boundary. At publish_at to the second an advisory is published; one second before, it is not.
 * The same holds inside a published advisory: a revision dated later, or a withdrawal not yet
 * in force, is not part of what the site shows until its instant.
 */
import type { AdvisoryData, Notice } from '../schemas/advisory.ts';

export type Visibility = 'hidden' | 'announced' | 'published' | 'withdrawn';

type Dates = Pick<AdvisoryData, 'draft' | 'announce_at' | 'publish_at' | 'withdrawn'>;

const instant = (iso: string) => Date.parse(iso);

export function visibilityOf(advisory: Dates, now: Date): Visibility {
  if (advisory.draft) return 'hidden';
  const t = now.getTime();
  if (t >= instant(advisory.publish_at)) {
    return advisory.withdrawn && t >= instant(advisory.withdrawn.at) ? 'withdrawn' : 'published';
  }
  if (advisory.announce_at && t >= instant(advisory.announce_at)) return 'announced';
  return 'hidden';
}

/** What a pre-announcement may show: nothing but these fields. */
export type NoticeView = {
  visibility: 'announced';
  id: string;
  announce_at: string;
  publish_at: string;
  notice: Notice;
};

export type PublishedView<Extra = unknown> = {
  visibility: 'published' | 'withdrawn';
  data: AdvisoryData;
} & Extra;

export type PublicView<Extra = unknown> = NoticeView | PublishedView<Extra>;

/**
 * The public projection of an advisory at `now`, or null when nothing may be shown.
 * `extra` (the body, rendered HTML) is attached only to published advisories.
 */
export function publicView<Extra extends object>(advisory: AdvisoryData, now: Date, extra: () => Extra): PublicView<Extra> | null {
  const visibility = visibilityOf(advisory, now);
  switch (visibility) {
    case 'hidden':
      return null;
    case 'announced':
      return {
        visibility,
        id: advisory.id,
        announce_at: advisory.announce_at!,
        publish_at: advisory.publish_at,
        notice: advisory.notice,
      };
    default:
      return { visibility, data: asOf(advisory, now.getTime(), visibility), ...extra() };
  }
}

/** A published advisory as it stands at `t`: later revisions and a pending withdrawal left out. */
function asOf(advisory: AdvisoryData, t: number, visibility: 'published' | 'withdrawn'): AdvisoryData {
  const revisions = advisory.revisions.filter((r) => instant(r.date) <= t);
  const pendingWithdrawal = visibility === 'published' && advisory.withdrawn !== undefined;
  if (revisions.length === advisory.revisions.length && !pendingWithdrawal) return advisory;
  const { withdrawn, ...rest } = advisory;
  return { ...rest, revisions, ...(pendingWithdrawal ? {} : { withdrawn }) };
}
