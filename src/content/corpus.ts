/** The checked content, as every reader after `check` sees it (src/content/read-content.ts). */
import type { AdvisoryData } from '../schemas/advisory.ts';
import type { NoticeOnlyData } from '../schemas/notice-only.ts';
import type { Release } from '../schemas/release.ts';
import type { Site } from '../schemas/site.ts';
import type { LineOf } from './yaml.ts';

export type AdvisoryEntry = {
  /** Path relative to the content root, with forward slashes. */
  file: string;
  data: AdvisoryData;
  body: string;
  bodyLine: number;
  lineOf: LineOf;
};

/** A notice-only file (src/schemas/notice-only.ts): announced or hidden, never published. */
export type NoticeOnlyEntry = { file: string; data: NoticeOnlyData; lineOf: LineOf };

export type Corpus = {
  site: Site;
  releases: Release[];
  /** Full advisories, by id. */
  advisories: AdvisoryEntry[];
  /** Notice-only advisories, by id: pages and feeds show them as announced ones, nothing else. */
  notices: NoticeOnlyEntry[];
};

/** The dates of every advisory, full or notice-only: what the schedule and the gate read. */
export function datedAdvisories(corpus: Pick<Corpus, 'advisories' | 'notices'>): Array<AdvisoryData | NoticeOnlyData> {
  return [...corpus.advisories.map((a) => a.data), ...corpus.notices.map((n) => n.data)];
}
