/**
 * Proposed dates for a new advisory. Only a proposal: the working group agrees the times
 * with the release of the fix. These functions never decide visibility (that is
 * `visibilityOf`'s job); they only pick instants to write into a new file.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 14:00 UTC: working hours from the Americas to India, so operators everywhere can react. */
export const PUBLISH_HOUR_UTC = 14;
/** Days from today to the proposed publication, enough to agree a patch date with operators. */
export const LEAD_DAYS = 7;

export type Dates = { announceAt: string; publishAt: string };

const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/** `2026-12-09T14:00:00Z`: whole seconds, as the hand-written files do. */
export const isoInstant = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The pre-announcement for a publication: `noticeHours` before it, moved earlier to a weekday
 * (a notice that lands on a Saturday reaches nobody until Monday).
 */
export function announceFor(publish: Date, noticeHours: number): Date {
  const announce = new Date(publish.getTime() - noticeHours * HOUR);
  while (isWeekend(announce)) announce.setTime(announce.getTime() - DAY);
  return announce;
}

/**
 * Publication on the first weekday at least `leadDays` ahead at 14:00 UTC whose
 * pre-announcement is not in the past; the pre-announcement from `announceFor`.
 */
export function proposeDates(now: Date, noticeHours: number, leadDays = LEAD_DAYS): Dates {
  const publish = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + leadDays, PUBLISH_HOUR_UTC));
  while (publish.getTime() < now.getTime() + leadDays * DAY || isWeekend(publish) || announceFor(publish, noticeHours) < now) {
    publish.setTime(publish.getTime() + DAY);
  }
  return { announceAt: isoInstant(announceFor(publish, noticeHours)), publishAt: isoInstant(publish) };
}
