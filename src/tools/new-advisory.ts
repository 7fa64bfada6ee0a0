/**
 * The text of a new advisory file: every required field present, with FILL-IN wherever a
 * person must decide, so `check` refuses the file until it is complete.
 */
import { stringify } from 'yaml';
import { PLACEHOLDER } from '../lib/lint.ts';

export type NewAdvisoryOptions = {
  id: string;
  title?: string;
  summary?: string;
  components?: string[];
  releases?: string[];
  severity?: string;
  cvss?: string;
  announceAt: string;
  publishAt: string;
};

const HOUR = 3_600_000;
const PUBLISH_HOUR_UTC = 14;

const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/**
 * Default dates: publication on the first weekday at least a week ahead, at 14:00 UTC (a
 * working hour from the Americas to India); the pre-announcement `noticeHours` earlier,
 * moved back further until it also falls on a weekday.
 */
export function defaultDates(now: Date, noticeHours: number): { announceAt: string; publishAt: string } {
  const publish = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 7, PUBLISH_HOUR_UTC));
  while (isWeekend(publish)) publish.setUTCDate(publish.getUTCDate() + 1);
  const announce = new Date(publish.getTime() - noticeHours * HOUR);
  while (isWeekend(announce)) announce.setUTCDate(announce.getUTCDate() - 1);
  const iso = (d: Date) => d.toISOString().replace('.000Z', 'Z');
  return { announceAt: iso(announce), publishAt: iso(publish) };
}

export function newAdvisoryText(o: NewAdvisoryOptions): string {
  const components = o.components?.length ? o.components : [`${PLACEHOLDER}/${PLACEHOLDER}`];
  const cvss = o.cvss ?? '';
  const data: Record<string, unknown> = {
    id: o.id,
    title: o.title ?? PLACEHOLDER,
    summary: o.summary ?? `${PLACEHOLDER}: one plain-text paragraph on who is affected and what an attacker could do.`,
    announce_at: o.announceAt,
    publish_at: o.publishAt,
    notice: {
      components,
      releases: o.releases ?? [],
      severity: o.severity ?? 'medium',
      text: `${PLACEHOLDER}: one public line for the pre-announcement, with no detail of the flaw.`,
    },
    ...(cvss ? { severity: cvss.startsWith('CVSS:4.0/') ? { cvss_v4: cvss } : { cvss_v3: cvss } } : {}),
    // Commit fields accept only a full SHA, so the template asks for each release's tag; add
    // master_fix and the backport commits when they exist (the Patches section says so).
    affected: components.map((c) => ({
      repository: c,
      releases: (o.releases ?? []).map((r) => ({ release: r, status: 'fixed', tag: PLACEHOLDER })),
    })),
    aliases: [],
    cwe: [],
    credits: [],
    references: [],
  };
  const yaml = stringify(data, { lineWidth: 0 });
  const body = ['## Impact', '', `${PLACEHOLDER}`, '', '## Patches', '', `${PLACEHOLDER} (and add master_fix and each backport commit under affected)`, '', '## Workarounds', '', `${PLACEHOLDER}`, '', '## References', '', `${PLACEHOLDER}`, ''];
  return `---\n${yaml}---\n\n${body.join('\n')}`;
}
