/**
 * When a release happens, as deployers read it: in UTC, which the site uses everywhere, and in
 * America/New_York, where the working group's announcements have always given it. Intl with an
 * explicit time zone does the conversion, daylight saving included, so the output does not
 * depend on the machine's own zone.
 */

export type LocalTime = {
  /** "Wednesday 2 December 2026" */
  date: string;
  /** "09:00", or "09:00:05" when the instant has seconds, as on the site's pages */
  time: string;
  /** "UTC", "EST", "EDT" */
  zone: string;
};

const FIELDS = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
} as const;

export function localTime(iso: string, timeZone: 'UTC' | 'America/New_York'): LocalTime {
  const format = new Intl.DateTimeFormat('en-US', { ...FIELDS, timeZone, hourCycle: 'h23', timeZoneName: 'short' });
  const p = Object.fromEntries(format.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return {
    date: `${p.weekday} ${p.day} ${p.month} ${p.year}`,
    time: `${p.hour}:${p.minute}${p.second === '00' ? '' : `:${p.second}`}`,
    zone: timeZone === 'UTC' ? 'UTC' : p.timeZoneName!,
  };
}

/** "Wednesday 2 December 2026, 14:00 UTC". */
export const utcWhen = (iso: string): string => whenText(localTime(iso, 'UTC'));

/** "Wednesday 2 December 2026, 09:00 EST": EST or EDT, as the date has it. */
export const newYorkWhen = (iso: string): string => whenText(localTime(iso, 'America/New_York'));

/**
 * "Wednesday 2 December 2026 at 14:00 UTC (09:00 EST in New York)", the New York date given
 * too when it is another day there.
 */
export function bothZones(iso: string): string {
  const utc = localTime(iso, 'UTC');
  const ny = localTime(iso, 'America/New_York');
  const there = ny.date === utc.date ? `${ny.time} ${ny.zone}` : `${ny.date}, ${ny.time} ${ny.zone}`;
  return `${utc.date} at ${utc.time} UTC (${there} in New York)`;
}

/** The UTC calendar date, YYYY-MM-DD, as announcement titles give it. */
export const utcDate = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

const whenText = (t: LocalTime) => `${t.date}, ${t.time} ${t.zone}`;
