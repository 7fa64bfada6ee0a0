/**
 * The pre-announcement the working group posts from `announce_at`, in the shape Open edX
 * deployers know from the Security Announcements category: "Security: Upcoming security
 * release for <components> on <YYYY-MM-DD>", when the fix becomes public, how severe, what is
 * affected, what to prepare, and where to follow it.
 *
 * It is built from a notice entry of the site model, which holds nothing but what a notice may
 * show (the id, the two dates, components, named releases, severity level and one line of
 * text: src/embargo/visibility.ts), and from the site's own public facts. So it cannot carry
 * a secret of the advisory: there is none in what it is given.
 */
import { paths, absolute } from '../../model/urls.ts';
import type { SiteModel } from '../../model/site-model.ts';
import type { NoticeEntry } from '../../schemas/public-entry.ts';
import type { Announcement, Inline } from './announcement.ts';
import { bothZones, newYorkWhen, utcDate, utcWhen } from './times.ts';

/** "a", "a and b", "a, b and c". */
export const listOf = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

export const capitalised = (level: string) => level[0]!.toUpperCase() + level.slice(1);

export function preAnnouncement(entry: NoticeEntry, model: Pick<SiteModel, 'site' | 'releases'>): Announcement {
  const { notice, publish_at: publishAt } = entry;
  const components = listOf(notice.components);
  const releases = notice.releases.map((name) => model.releases.find((r) => r.name === name) ?? { name, title: name, branch: undefined });
  const releaseFacts: Inline[] =
    releases.length === 0
      ? ['none named: the fix is on master (and in the package versions) only']
      : releases.flatMap((r, i) => [...(i > 0 ? [', '] : []), r.title, ...(r.branch ? [' (', { code: r.branch }, ')'] : [])]);
  const urgent = notice.severity === 'critical' || notice.severity === 'high';
  const upcoming = `${absolute(model.site.url, paths.upcoming)}#${entry.id}`;
  const calendar = absolute(model.site.url, paths.calendar);

  return {
    title: `Security: Upcoming security release for ${components} on ${utcDate(publishAt)}`,
    blocks: [
      {
        paragraph: [
          'The Open edX Security Working Group will publish a security fix for ',
          { strong: components },
          ` on ${bothZones(publishAt)}. It fixes one vulnerability of ${notice.severity} severity.`,
        ],
      },
      ...(notice.text ? [{ paragraph: [notice.text] }] : []),
      {
        facts: [
          ['Advisory', [entry.id]],
          ['Fix public', [utcWhen(publishAt)]],
          ['America/New_York', [newYorkWhen(publishAt)]],
          ['In your time zone', [{ localTime: publishAt }]],
          ['Severity', [capitalised(notice.severity)]],
          ['Components', [notice.components.join(', ')]],
          ['Named releases', releaseFacts],
        ],
      },
      { heading: 'What to prepare' },
      {
        list: [
          [`Check whether you run ${components}${releases.length ? ` on ${listOf(releases.map((r) => r.title))}` : ''}.`],
          [`Book a maintenance window shortly after ${utcWhen(publishAt)}: the fix and the advisory are published then.`],
          ['Make sure you can build and deploy a patched release quickly.'],
          [
            urgent
              ? `Plan to patch the same day: the severity is ${notice.severity}.`
              : 'Plan to patch within your usual maintenance cycle.',
          ],
        ],
      },
      { paragraph: ['Details of the vulnerability are published with the fix, not before.'] },
      {
        facts: [
          ['Upcoming security releases', [{ link: upcoming, href: upcoming }]],
          ['Calendar of security releases (iCalendar)', [{ link: calendar, href: calendar }]],
        ],
      },
    ],
  };
}
