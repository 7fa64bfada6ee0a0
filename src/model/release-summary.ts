/**
 * What an operator of one named release wants to read first: is the release supported, and
 * is there one tag to run that holds every published fix, or what is still open.
 *
 * Release tags of one branch are cumulative (`open-release/verawood.4` contains everything in
 * `.3`), so when every fix to apply is a backport recorded with a tag of this release, the
 * newest of those tags holds them all. A fix without such a tag (a commit only, a package
 * version), or no fix at all, is listed instead, and the tag is claimed only for the rest.
 */
import type { Action, Checklist, ChecklistItem } from './patch-checklist.ts';
import { supportStatus } from './patch-checklist.ts';
import { utcDay } from './dates.ts';
import type { PublishedAdvisory, ReleaseInfo } from './site-model.ts';

export type ReleaseSummary = {
  release: ReleaseInfo;
  status: ReturnType<typeof supportStatus>;
  /** The newest release tag that holds every tagged fix; absent when no fix names a tag of this release. */
  tag?: string | undefined;
  /** True when every advisory naming the release is fixed in `tag` or does not affect it (`toCheck` aside). */
  complete: boolean;
  /** Advisories naming the release with no fix for it yet (affected, will not be fixed, or no backport recorded). */
  unfixed: ChecklistItem[];
  /** Advisories fixed on the release, but not in a release tag: apply the commit or upgrade the package. */
  untagged: ChecklistItem[];
  /** Advisories to check by hand: they name no named release (the checklist's "also check" list). */
  toCheck: ChecklistItem[];
  /** Unsupported releases: advisories published after support ended that do not name the release (never assessed for it). */
  unassessed: number;
};

/** The prefix of this release's tags: `open-release/verawood.master` → `open-release/verawood.`. */
export const tagPrefix = (release: Pick<ReleaseInfo, 'branch'>) => release.branch.replace(/master$/, '');

/** Newest first by the number after the prefix (verawood.10 after verawood.9), then by name. */
export function newestTag(tags: Iterable<string>): string | undefined {
  return [...new Set(tags)].sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))[0];
}

const isUnfixed = (x: Action) => x.kind === 'no-fix' || x.kind === 'master-only';

export function releaseSummary(checklist: Checklist, published: readonly PublishedAdvisory[], now: Date): ReleaseSummary {
  const { release } = checklist;
  const prefix = tagPrefix(release);
  const tags: string[] = [];
  const unfixed: ChecklistItem[] = [];
  const untagged: ChecklistItem[] = [];
  for (const item of checklist.items) {
    if (item.actions.some(isUnfixed)) {
      unfixed.push(item);
      continue;
    }
    let covered = true;
    for (const x of item.actions) {
      if (x.kind === 'backport' && x.tag?.startsWith(prefix)) tags.push(x.tag);
      else if (x.kind !== 'not-affected') covered = false;
    }
    if (!covered) untagged.push(item);
  }
  const status = supportStatus(release, now);
  const unassessed =
    status === 'ended'
      ? published.filter(
          (a) =>
            a.visibility === 'published' &&
            utcDay(a.advisory.publish_at) > release.end_of_support &&
            !a.releaseNames.includes(release.name),
        ).length
      : 0;
  return {
    release,
    status,
    tag: newestTag(tags),
    complete: unfixed.length === 0 && untagged.length === 0,
    unfixed,
    untagged,
    toCheck: checklist.toCheck,
    unassessed,
  };
}
