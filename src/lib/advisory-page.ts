/**
 * Page logic of an advisory page that is worth testing without Astro: section ids that never
 * clash with the body's heading ids, readable labels for OSV's credit and reference types,
 * and the revision history as the reader sees it.
 */
import type { AdvisoryData, Credit, Reference } from '../schemas/advisory.ts';
import type { PublishedAdvisory } from './site-model.ts';

export const SECTIONS = ['affected-releases', 'affected-packages', 'credits', 'reference-links', 'history'] as const;
export type Section = (typeof SECTIONS)[number];

/** Ids for the page's own sections, suffixed when the body already uses one. */
export function sectionIds(bodyIds: readonly string[]): Record<Section, string> {
  const taken = new Set(bodyIds);
  const out = {} as Record<Section, string>;
  for (const s of SECTIONS) {
    let id = s;
    for (let n = 1; taken.has(id); n++) id = `${s}-${n}`;
    taken.add(id);
    out[s] = id;
  }
  return out;
}

export const CREDIT_LABELS: Record<Credit['type'], string> = {
  finder: 'found the flaw',
  reporter: 'reported it',
  analyst: 'analysed it',
  coordinator: 'coordinated the response',
  remediation_developer: 'developed the fix',
  remediation_reviewer: 'reviewed the fix',
  remediation_verifier: 'verified the fix',
  tool: 'tool that found it',
  sponsor: 'sponsored the work',
  other: 'helped',
};

export const REFERENCE_LABELS: Record<Reference['type'], string> = {
  advisory: 'Advisory',
  article: 'Article',
  detection: 'Detection',
  discussion: 'Discussion',
  report: 'Report',
  fix: 'Fix',
  introduced: 'Introduced by',
  package: 'Package',
  evidence: 'Evidence',
  web: 'Web page',
};

export type HistoryEntry = { date: string; summary: string };

/** Publication, every revision, then the withdrawal when it has happened, oldest first. */
export function revisionHistory(a: Pick<PublishedAdvisory, 'visibility'> & { advisory: Pick<AdvisoryData, 'publish_at' | 'revisions' | 'withdrawn'> }): HistoryEntry[] {
  const entries: HistoryEntry[] = [{ date: a.advisory.publish_at, summary: 'Published.' }, ...a.advisory.revisions];
  if (a.visibility === 'withdrawn' && a.advisory.withdrawn) {
    entries.push({ date: a.advisory.withdrawn.at, summary: `Withdrawn: ${a.advisory.withdrawn.reason}` });
  }
  return entries.sort((x, y) => Date.parse(x.date) - Date.parse(y.date));
}
