/**
 * How instants and dates read in the site's pages, feeds and exports. Always UTC and always
 * English month names, built by hand rather than with Intl, so the output does not depend on
 * the build machine's locale or time zone (two builds of the same content at the same clock
 * are byte-identical). They live at the lowest stage because the leak scan
 * (src/embargo/leak-scan/) searches every embargoed date in each of these forms;
 * src/model/dates.ts is what pages import.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number) => String(n).padStart(2, '0');

const instants = new Map<string, string>();

/** A machine-readable UTC instant for `<time datetime>` (seconds, `Z`). */
export function utcInstant(iso: string): string {
  // Archive pages print each advisory's dates again and again (10,000 advisories: about
  // 100,000 times); parsing an offset date each time showed in profiles.
  let utc = instants.get(iso);
  if (utc === undefined) instants.set(iso, (utc = new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z')));
  return utc;
}

/** "11 May 2026" (the UTC date). */
export function formatDate(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "11 May 2026, 17:30 UTC"; seconds only when there are some ("17:30:05 UTC"), so a reader never sees a moment earlier than the real one. */
export function formatInstant(iso: string): string {
  return `${formatDate(iso)}, ${clockTime(iso)} UTC`;
}

/** "17:30", or "17:30:05" when the instant has seconds (UTC). */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  const seconds = d.getUTCSeconds();
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds ? `:${pad(seconds)}` : ''}`;
}

/** The UTC calendar date, YYYY-MM-DD. */
export function utcDay(iso: string): string {
  return utcInstant(iso).slice(0, 10);
}

/** RFC 822 as RSS prints it: "Fri, 05 Mar 2027 13:37:00 GMT". */
export function rfc822(instant: string | Date): string {
  return new Date(instant).toUTCString();
}

/** iCalendar's UTC basic format (RFC 5545 DATE-TIME): "20270305T133700Z". */
export function icsInstant(iso: string): string {
  return utcInstant(iso).replace(/[-:]/g, '');
}
