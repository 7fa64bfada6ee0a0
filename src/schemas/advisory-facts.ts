/**
 * Facts derived from an advisory's fields, each in one place: pages, feeds, exports and tools
 * read them here rather than working them out again (and disagreeing).
 *
 * They take the advisory as the projection shows it at the build's state time
 * (src/embargo/projection.ts), so a revision or withdrawal not yet in force is not counted.
 */
import type { AdvisoryData } from './advisory.ts';

/** The year in an advisory id: `OEA-2026-007` → `2026` (the allocation year, not the publication year). */
export const idYear = (id: string): string => id.slice(4, 8);

/**
 * The last time the published record changed: the latest of publication, each revision and
 * the withdrawal (a withdrawal need not come with a revision entry, yet it changes the
 * record), as written in the file.
 */
export function modifiedAt(a: Pick<AdvisoryData, 'publish_at' | 'revisions' | 'withdrawn'>): string {
  const dates = [a.publish_at, ...a.revisions.map((r) => r.date), ...(a.withdrawn ? [a.withdrawn.at] : [])];
  return dates.reduce((latest, d) => (Date.parse(d) > Date.parse(latest) ? d : latest));
}
