/**
 * The one typed model every page, feed and export renders from. It is assembled from public
 * entries only (the loader's output), so a builder cannot reach embargoed data even by mistake.
 */
import { componentName } from '../schemas/advisory.ts';
import { idYear, modifiedAt } from '../schemas/advisory-facts.ts';
import type { NoticeEntry, PublicEntry, PublishedEntry } from '../schemas/public-entry.ts';
import type { Release } from '../schemas/release.ts';
import type { Site } from '../schemas/site.ts';
import type { SeverityLevel } from '../schemas/cvss.ts';
import type { Corpus } from '../content/read-content.ts';
import { projectCorpus, type EntryOptions } from '../embargo/projection.ts';
import { stateTime } from '../embargo/schedule.ts';
import { isSupported, sortReleases } from './releases.ts';
import { computeSeverity, type ComputedSeverity } from '../schemas/severity.ts';

export type PublishedAdvisory = PublishedEntry & {
  id: string;
  year: string;
  severity: ComputedSeverity;
  level: SeverityLevel;
  components: string[];
  /** Named releases the advisory says something about (notice and affected). */
  releaseNames: string[];
  /** The last change of the record: publication, a revision or the withdrawal (advisory-facts.ts). */
  modified: string;
};

export type ReleaseInfo = Release & { supported: boolean };

export type SiteModel = {
  site: Site;
  now: Date;
  /** Newest first. */
  releases: ReleaseInfo[];
  /** Published and withdrawn advisories, newest publish_at first. */
  published: PublishedAdvisory[];
  /** Pre-announcements, soonest publish_at first. */
  announced: NoticeEntry[];
};

function describe(entry: PublishedEntry): PublishedAdvisory {
  const a = entry.advisory;
  const severity = computeSeverity(a);
  const releaseNames = new Set([...a.notice.releases, ...a.affected.flatMap((x) => x.releases.map((r) => r.release))]);
  return {
    ...entry,
    id: a.id,
    year: idYear(a.id),
    severity,
    level: severity.level,
    components: a.affected.map(componentName),
    releaseNames: [...releaseNames].sort(),
    modified: modifiedAt(a),
  };
}

const byInstant = (a: string, b: string) => Date.parse(a) - Date.parse(b);

export function assembleModel(entries: readonly PublicEntry[], site: Site, releases: readonly Release[], now: Date): SiteModel {
  const published: PublishedAdvisory[] = [];
  const announced: NoticeEntry[] = [];
  for (const e of entries) {
    if (e.visibility === 'announced') announced.push(e);
    else published.push(describe(e));
  }
  published.sort((a, b) => byInstant(b.advisory.publish_at, a.advisory.publish_at) || b.id.localeCompare(a.id));
  announced.sort((a, b) => byInstant(a.publish_at, b.publish_at) || a.id.localeCompare(b.id));
  return {
    site,
    now,
    releases: sortReleases(releases).map((r) => ({ ...r, supported: isSupported(r, now) })),
    published,
    announced,
  };
}

/** The public site as it stands at `clock`: its state time, its public entries and its model. */
export type SiteState = { clock: Date; now: Date; entries: readonly PublicEntry[]; model: SiteModel };

/**
 * The site at `clock`, rendered at the state time (src/embargo/schedule.ts): every build, check
 * and verification that needs the public site goes through here, so they all see one model.
 */
export function siteAt(corpus: Corpus, clock: Date, options: EntryOptions = {}): SiteState {
  const now = stateTime({ advisories: corpus.advisories.map((a) => a.data), releases: corpus.releases }, clock);
  const entries = projectCorpus(corpus, now, options);
  return { clock, now, entries, model: assembleModel(entries, corpus.site, corpus.releases, now) };
}
