/**
 * Rules over the whole content tree, which see every file at once and the clock. They are
 * collected in CORPUS_RULES (src/content/lint.ts); a new one is a function of CorpusFacts
 * added to that list, and `check`, `check --changed`, `check <file>` and the build all run it.
 */
import type { Release } from '../../schemas/release.ts';
import type { Site } from '../../schemas/site.ts';
import type { AdvisoryEntry, NoticeOnlyEntry } from '../corpus.ts';
import type { PageSource } from '../prose-pages.ts';
import type { Problem } from '../problems.ts';
import type { LineOf } from '../yaml.ts';

export type CorpusFacts = {
  /** site.yaml, when it passed its schema. */
  site: Site | null;
  releases: readonly Release[];
  /** Lines in content/releases.yaml. */
  releasesLineOf: LineOf;
  /** The advisory files checked in this run that passed their schema (with `check <file>`, those files only). */
  advisories: readonly AdvisoryEntry[];
  notices: readonly NoticeOnlyEntry[];
  /** The prose pages checked in this run (content/pages), as written. */
  pages?: readonly PageSource[];
  /** The id of every advisory file of the archive (from its name), checked in this run or not. */
  ids: ReadonlySet<string>;
  /**
   * The clock of every clock-dependent rule: `check --at <instant>`, the build's clock, else
   * the real time. Ask the visibility gate (src/embargo/visibility.ts) what is public at it.
   */
  at: Date;
};

export type CorpusRule = (facts: CorpusFacts) => Problem[];

/** Full and notice-only advisories alike, for rules about ids and dates. */
export const everyAdvisory = (facts: Pick<CorpusFacts, 'advisories' | 'notices'>): ReadonlyArray<AdvisoryEntry | NoticeOnlyEntry> => [
  ...facts.advisories,
  ...facts.notices,
];
