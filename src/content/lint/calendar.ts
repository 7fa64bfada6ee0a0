/**
 * The release calendar, at the clock: warnings, not errors, since nothing is wrong yet; they
 * say what the working group should add to content/releases.yaml before the site has no
 * supported release to point operators to (issue 18).
 */
import { isSupported } from '../../schemas/release.ts';
import type { Problem } from '../problems.ts';
import type { CorpusRule } from './corpus-rule.ts';

/** How far ahead the calendar is watched. */
export const CALENDAR_WINDOW_DAYS = 30;

const FILE = 'content/releases.yaml';
const day = (t: Date) => t.toISOString().slice(0, 10);

export const releaseCalendar: CorpusRule = ({ releases, releasesLineOf, at }) => {
  if (releases.length === 0) return [];
  const problems: Problem[] = [];
  const ahead = new Date(at.getTime() + CALENDAR_WINDOW_DAYS * 86_400_000);
  const warn = (path: PropertyKey[], field: string, message: string) =>
    problems.push({ file: FILE, field, message, line: releasesLineOf(path), severity: 'warning' });

  if (!releases.some((r) => isSupported(r, ahead))) {
    warn(
      ['releases'],
      'releases',
      `no named release is supported on ${day(ahead)}, ${CALENDAR_WINDOW_DAYS} days after the clock (${day(at)}); add the next release, with its released and end_of_support dates`,
    );
  }
  releases.forEach((r, i) => {
    if (!isSupported(r, at) || isSupported(r, ahead)) return;
    if (releases.some((other) => other.released > r.released)) return;
    warn(
      ['releases', i, 'end_of_support'],
      `releases[${i}].end_of_support`,
      `support for ${r.title} ends on ${r.end_of_support}, within ${CALENDAR_WINDOW_DAYS} days of the clock (${day(at)}), and no later release is listed; add its successor`,
    );
  });
  return problems;
};
