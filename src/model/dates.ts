/**
 * How instants and dates read on the site: the formatters of src/schemas/date-formats.ts (kept
 * there so the leak scan searches every form they print), and day arithmetic.
 */
export { clockTime, formatDate, formatInstant, icsInstant, rfc822, utcDay, utcInstant } from '../schemas/date-formats.ts';

/** Whole and fractional days between two instants (b - a). */
export function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}
