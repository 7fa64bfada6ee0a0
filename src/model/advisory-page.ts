/**
 * Page logic of an advisory page that is worth testing without Astro: section ids that never
 * clash with the body's heading ids, and the revision history as the reader sees it. (The
 * labels of credit and reference types sit beside their enums, in src/schemas/advisory.ts.)
 */
import type { AdvisoryData } from '../schemas/advisory.ts';
import type { PublishedAdvisory } from './site-model.ts';

export const SECTIONS = ['affected-releases', 'affected-packages', 'credits', 'reference-links', 'history'] as const;
export type Section = (typeof SECTIONS)[number];

/** Ids for the page's own sections, suffixed when the body already uses one. */
export function sectionIds(bodyIds: readonly string[]): Record<Section, string> {
  const taken = new Set(bodyIds);
  const out = {} as Record<Section, string>;
  for (const s of SECTIONS) {
    let id: string = s;
    for (let n = 1; taken.has(id); n++) id = `${s}-${n}`;
    taken.add(id);
    out[s] = id;
  }
  return out;
}

export type HistoryEntry = {
  date: string;
  summary: string;
  kind: 'reported' | 'triaged' | 'announced' | 'published' | 'revised' | 'withdrawn';
};

type HistorySource = Pick<PublishedAdvisory, 'visibility'> & {
  advisory: Pick<AdvisoryData, 'publish_at' | 'announce_at' | 'reported_at' | 'triaged_at' | 'revisions' | 'withdrawn'>;
};

/**
 * The advisory's life, oldest first: report, triage, pre-announcement, publication, each
 * revision, and the withdrawal once it has happened (a published advisory's dates are all public).
 */
export function revisionHistory({ visibility, advisory: a }: HistorySource): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  if (a.reported_at) entries.push({ date: a.reported_at, summary: 'Reported to the working group.', kind: 'reported' });
  if (a.triaged_at) entries.push({ date: a.triaged_at, summary: 'Triaged; severity set.', kind: 'triaged' });
  if (a.announce_at) entries.push({ date: a.announce_at, summary: 'Pre-announced.', kind: 'announced' });
  entries.push({ date: a.publish_at, summary: 'Published.', kind: 'published' });
  for (const r of a.revisions) entries.push({ date: r.date, summary: r.summary, kind: 'revised' });
  if (visibility === 'withdrawn' && a.withdrawn) {
    entries.push({ date: a.withdrawn.at, summary: `Withdrawn: ${a.withdrawn.reason}`, kind: 'withdrawn' });
  }
  // Stable sort: entries with the same instant keep the order above.
  return entries.sort((x, y) => Date.parse(x.date) - Date.parse(y.date));
}
