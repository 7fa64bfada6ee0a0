/**
 * Page logic of an advisory page that is worth testing without Astro: section ids that never
 * clash with the body's heading ids, the fixes as the reader sees them, references not already
 * linked from the body, and the revision history. (The labels of credit, reference and
 * release-status values sit beside their enums, in src/schemas/advisory.ts.)
 */
import { isPackage, type AdvisoryData, type Affected, type ReleaseFix, type Reference } from '../schemas/advisory.ts';
import { urlKey } from '../schemas/repositories.ts';
import type { PublishedAdvisory, ReleaseInfo } from './site-model.ts';
import { describeRange } from './patch-checklist.ts';

export const SECTIONS = ['affected-releases', 'credits', 'reference-links', 'history'] as const;
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

/** One fix, or one statement, on the page: a branch or named release of a repository, or a package range. */
export type FixRow =
  | {
      kind: 'branch';
      component: string;
      repository?: string | undefined;
      /** Absent: the master branch. */
      release?: ReleaseInfo | { name: string; title: string; supported?: undefined } | undefined;
      status: ReleaseFix['status'];
      commit?: string | undefined;
      tag?: string | undefined;
    }
  | { kind: 'package'; component: string; ecosystem: string; range: string; fixed?: string | undefined };

/**
 * Every fix row of an advisory: per component, master first, then its named releases newest
 * first (the model's order), then each package range with its fixed version.
 */
export function fixRows(affected: readonly Affected[], releases: readonly ReleaseInfo[]): FixRow[] {
  const byName = new Map(releases.map((r, i) => [r.name, { release: r, rank: i }]));
  const rank = (name: string) => byName.get(name)?.rank ?? releases.length;
  const rows: FixRow[] = [];
  for (const entry of affected) {
    const component = isPackage(entry) ? entry.package.name : entry.repository;
    const repository = entry.repository;
    if (isPackage(entry)) {
      for (const r of entry.ranges) {
        rows.push({ kind: 'package', component, ecosystem: entry.package.ecosystem, range: describeRange(r), fixed: r.fixed });
      }
    } else if (entry.master_fix) {
      rows.push({ kind: 'branch', component, repository, status: 'fixed', commit: entry.master_fix });
    }
    for (const r of [...entry.releases].sort((a, b) => rank(a.release) - rank(b.release) || a.release.localeCompare(b.release))) {
      const release = byName.get(r.release)?.release ?? { name: r.release, title: r.release };
      rows.push({ kind: 'branch', component, repository, release, status: r.status, commit: r.commit, tag: r.tag });
    }
  }
  return rows;
}

/** Every link target of the rendered body, as `urlKey`s (a renamed repository's URLs count as one). */
export function bodyLinks(html: string): Set<string> {
  const keys = new Set<string>();
  for (const m of html.matchAll(/<a\s[^>]*href="([^"]*)"/g)) keys.add(urlKey(decodeAttribute(m[1]!)));
  return keys;
}

const decodeAttribute = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/**
 * The references the page lists under its own heading: those the body does not link already,
 * each URL once (a URL under a repository's old name is the same URL).
 */
export function extraReferences(references: readonly Reference[], html: string): Reference[] {
  const seen = bodyLinks(html);
  return references.filter((r) => {
    const key = urlKey(r.url);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** The published advisory a withdrawn one duplicates, when it names one that is public. */
export function duplicateOf(a: PublishedAdvisory, published: readonly PublishedAdvisory[]): PublishedAdvisory | undefined {
  const target = a.visibility === 'withdrawn' ? a.advisory.withdrawn?.duplicate_of : undefined;
  return target ? published.find((p) => p.id === target) : undefined;
}
